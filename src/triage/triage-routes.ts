import type { Migration } from '../platform/db/index.ts';
import type { RouteDef } from '../http/index.ts';
import type { CommandContext } from '../platform/outbox/index.ts';
import { handoffMigrations } from './handoff/migrations.ts';
import { handoffRoutes } from './handoff/handoff-routes.ts';
import type { HandoffOptions } from './handoff/handoff.ts';
import { categoryRoutes } from './learning/category-routes.ts';
import { learningRoutes } from './learning/learning-routes.ts';
import { learningMigrations } from './learning/migrations.ts';
import { readingMigrations } from './readings/migrations.ts';
import { readingRoutes } from './readings/reading-routes.ts';

export function triageRoutes(ctx: CommandContext, options: HandoffOptions = {}): RouteDef[] {
  return [...readingRoutes(ctx), ...categoryRoutes(ctx), ...learningRoutes(ctx), ...handoffRoutes(ctx, options)];
}

export const triageMigrations: Migration[] = [...readingMigrations, ...learningMigrations, ...handoffMigrations];
