import type { CommandContext, Tx } from '../outbox/index.ts';
import { insertJob } from './job-store.ts';
import { signalJobEnqueued } from './job-signals.ts';
import { checkJobSpec } from './jobs-rules.ts';
import type { Enqueued, JobSpec } from './job-types.ts';

/** What enqueueing needs: no event bus, so any role (a CLI, a runner's handler) can enqueue. */
export type JobContext = Pick<CommandContext, 'db' | 'clock' | 'newId'>;

/**
 * Enqueues inside a command's own transaction: the job exists exactly when the command commits.
 * Runners on this node are nudged at once; one that looks before the commit finds nothing yet and
 * looks again shortly (see JobRunner), so the job still starts promptly.
 */
export async function enqueueIn<P>(tx: Tx, spec: JobSpec<P>): Promise<Enqueued<P>> {
  const checked = checkJobSpec(spec, tx.now);
  const result = await insertJob(tx.sql, tx.newId(), checked, tx.now);
  if (!result.duplicate) signalJobEnqueued(checked.queue);
  return result;
}

/** Enqueues in a transaction of its own, for callers that have no command around them. */
export async function enqueue<P>(ctx: JobContext, spec: JobSpec<P>): Promise<Enqueued<P>> {
  const now = ctx.clock();
  const checked = checkJobSpec(spec, now);
  const result = await ctx.db.transaction((sql) => insertJob(sql, ctx.newId(), checked, now));
  if (!result.duplicate) signalJobEnqueued(checked.queue);
  return result;
}
