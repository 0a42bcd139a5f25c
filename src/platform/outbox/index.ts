export { outboxMigrations } from './migrations.ts';
export { EventBus, eventsChannel, type EventHandler, type EventBusOptions } from './event-bus.ts';
export { transact, type CommandContext, type QueryContext, type Tx } from './transact.ts';
export { readEvents, type EventQuery } from './event-log.ts';
