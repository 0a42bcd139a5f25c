import type { StoredEvent } from '../../kernel/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import type { Unsubscribe } from '../../platform/pubsub/index.ts';
import type { IntentModel } from '../intent/model.ts';
import { findActiveVersion } from './model-store.ts';
import { loadVersionModel, modelActivated } from './retrain.ts';

export interface ActiveModel {
  version: number;
  model: IntentModel;
}

/**
 * This node's copy of each workspace's model in use. Read once, then served from memory on every
 * message; an activation anywhere (the event reaches every node) makes the next read fetch again.
 */
export class ActiveModels {
  private readonly loaded = new Map<string, Promise<ActiveModel | null>>();
  private unsubscribe: Unsubscribe | undefined;

  /** `onUnreadable` hears of a stored model this version can no longer read (an older format). */
  constructor(private readonly ctx: CommandContext, private readonly onUnreadable: (workspaceId: string, error: unknown) => void = () => {}) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.ctx.bus.subscribe(async (event: StoredEvent) => {
      if (event.type === modelActivated && event.workspaceId) this.loaded.delete(event.workspaceId);
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }

  get(workspaceId: string): Promise<ActiveModel | null> {
    let entry = this.loaded.get(workspaceId);
    if (!entry) {
      entry = this.load(workspaceId);
      this.loaded.set(workspaceId, entry);
      // A failed read is not remembered: the next message tries again.
      entry.catch(() => this.loaded.delete(workspaceId));
    }
    return entry;
  }

  private async load(workspaceId: string): Promise<ActiveModel | null> {
    const version = await findActiveVersion(this.ctx.db, workspaceId);
    if (!version) return null;
    try {
      return { version: version.version, model: await loadVersionModel(this.ctx, version) };
    } catch (error) {
      // Triage goes on without intent (language, facts, mood still read) while a new model trains.
      this.onUnreadable(workspaceId, error);
      return null;
    }
  }
}
