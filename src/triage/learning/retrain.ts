/**
 * Trains a new version of a workspace's intent model and decides whether it replaces the one in
 * use: both are measured on the same held-back curated examples (example-rules.ts) and a worse
 * candidate is refused (promotion-rules.ts). Every attempt is kept as a version, shipped or not.
 */
import { performance } from 'node:perf_hooks';
import { AppError, type Actor } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import { evaluate } from '../intent/evaluate.ts';
import type { IntentModel } from '../intent/model.ts';
import { calibrate } from '../intent/calibrate-model.ts';
import { defaultTrainOptions, trainIntentModel, type TrainIntentOptions } from '../intent/train.ts';
import { listTrainingExamples } from './category-store.ts';
import { splitExamples, type LabelledExample } from './example-rules.ts';
import { modelFromBytes, modelToBytes } from './model-bytes.ts';
import { activateVersion, findActiveVersion, findModelVersion, insertModelVersion, readModelBytes, type ModelVersion } from './model-store.ts';
import { decidePromotion, type HeldOutScore } from './promotion-rules.ts';

export const modelActivated = 'intent_model.activated';

export function scoreOn(model: IntentModel, heldOut: readonly LabelledExample[]): HeldOutScore {
  if (heldOut.length === 0) return { examples: 0, accuracy: 0, macroF1: 0 };
  const e = evaluate(model, heldOut.map((x) => ({ text: x.text, label: x.label })));
  return { examples: heldOut.length, accuracy: e.accuracy, macroF1: e.macro_f1 };
}

export async function loadVersionModel(ctx: CommandContext, version: ModelVersion): Promise<IntentModel> {
  const bytes = await readModelBytes(ctx.db, version.id);
  if (!bytes) throw new AppError('INTENT_MODEL_NOT_KEPT', `model version ${version.version} was not kept`);
  return modelFromBytes(bytes);
}

export interface RetrainOptions {
  train?: TrainIntentOptions;
}

export async function retrainIntentModel(ctx: CommandContext, workspaceId: string, actor: Actor, options: RetrainOptions = {}): Promise<ModelVersion> {
  const examples = await listTrainingExamples(ctx.db, workspaceId);
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new AppError('NOT_ENOUGH_EXAMPLES', 'an intent model needs at least two categories with examples');
  const { train, heldOut } = splitExamples(examples);

  const started = performance.now();
  // Every teaching example trains (small categories need them all); the held-back curated
  // examples calibrate confidence — which never changes the top label the judgement counts.
  const uncalibrated = trainIntentModel(train.map((e) => ({ text: e.text, label: e.label, lang: e.lang ?? 'unknown' })), { seed: 7, ...options.train, heldOut: 0 });
  const candidate = calibrate(uncalibrated, heldOut, defaultTrainOptions.rejectRate);
  const trainMs = Math.round(performance.now() - started);
  const score = scoreOn(candidate, heldOut);

  const active = await findActiveVersion(ctx.db, workspaceId);
  // A model in use that this version cannot read (an older format) is no yardstick: replace it.
  const activeModel = active ? await loadVersionModel(ctx, active).catch(() => null) : null;
  const activeScore = activeModel ? scoreOn(activeModel, heldOut) : null;
  const bytes = modelToBytes(candidate);

  return transact(ctx, async (tx) => {
    await tx.sql.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`intent-models:${workspaceId}`]);
    // Another trainer may have shipped while this one trained: it was judged against a model no longer in use.
    const now = await findActiveVersion(tx.sql, workspaceId);
    const decision = now?.id !== active?.id ? ({ ship: false, reason: 'superseded' } as const) : decidePromotion(score, activeScore);
    const version = await insertModelVersion(tx.sql, workspaceId, {
      id: tx.newId(), status: decision.ship ? 'retired' : 'refused', decision: decision.reason, labels: [...candidate.labels], trainedOn: train.length,
      heldOut: heldOut.length, score, activeScore, trainMs, createdAt: tx.now, activatedAt: decision.ship ? tx.now : null,
    }, decision.ship ? bytes : null);
    if (decision.ship) {
      // Inserted retired, then swapped in: only one version is ever active.
      await activateVersion(tx.sql, workspaceId, version.id, decision.reason, tx.now);
      tx.emit({ type: modelActivated, workspaceId, subjectType: 'intent_model', subjectId: version.id, actor, payload: { version: version.version, decision: decision.reason } });
    }
    tx.emit({
      type: 'intent_model.trained', workspaceId, subjectType: 'intent_model', subjectId: version.id, actor,
      payload: { version: version.version, status: version.status, decision: decision.reason, score, activeScore },
    });
    return decision.ship ? { ...version, status: 'active' as const } : version;
  });
}

/** Puts a kept version back in use (a rollback, or forward again). */
export async function activateModelVersion(ctx: CommandContext, workspaceId: string, id: string, actor: Actor): Promise<ModelVersion> {
  return transact(ctx, async (tx) => {
    await tx.sql.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`intent-models:${workspaceId}`]);
    const version = await findModelVersion(tx.sql, workspaceId, id, true);
    if (!version) throw new AppError('INTENT_MODEL_NOT_FOUND', 'no such model version');
    if (version.status === 'refused') throw new AppError('INTENT_MODEL_NOT_KEPT', `version ${version.version} was refused and not kept; only shipped versions can be put back`);
    if (version.status === 'active') return version;
    await activateVersion(tx.sql, workspaceId, id, 'put_back', tx.now);
    tx.emit({ type: modelActivated, workspaceId, subjectType: 'intent_model', subjectId: id, actor, payload: { version: version.version, decision: 'put_back' } });
    return { ...version, status: 'active', decision: 'put_back', activatedAt: tx.now };
  });
}
