/**
 * Which labelled examples teach a workspace model and which judge it. Pure.
 *
 * Curated examples (written by the team or imported) are the trusted yardstick: one in five is
 * held back, by its rank within its label (oldest first), so an example stays on the same side
 * across every retraining and no model is ever judged on what it learnt from. Each label keeps its
 * first six curated examples for training so a small category can still be learnt.
 *
 * Agent labels (a re-categorised or transferred conversation) always teach: they are what the
 * model is meant to learn from, and they are noisy, which is exactly why the judge is curated.
 */
export type ExampleSource = 'curated' | 'agent';

export interface LabelledExample {
  id: string;
  label: string;
  text: string;
  lang: string | null;
  source: ExampleSource;
  createdAt: Date;
}

export const heldOutEvery = 5;
export const keptForTraining = 6;
/** Category names are stable identifiers (routing rules and reports use them). */
export const categoryNamePattern = '^[a-z0-9][a-z0-9_.-]{0,63}$';
export const reservedLabels = ['oos'];

/** Ranks 6, 11, 16…: a label with n ≥ 7 curated examples holds back ⌈(n − 6) / 5⌉ of them. */
export function isHeldOut(example: LabelledExample, rankInLabel: number): boolean {
  return example.source === 'curated' && rankInLabel >= keptForTraining && (rankInLabel - keptForTraining) % heldOutEvery === 0;
}

export function splitExamples<T extends LabelledExample>(examples: readonly T[]): { train: T[]; heldOut: T[] } {
  const ordered = [...examples].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  const seen = new Map<string, number>();
  const train: T[] = [];
  const heldOut: T[] = [];
  for (const example of ordered) {
    const rank = example.source === 'curated' ? (seen.get(example.label) ?? 0) : 0;
    if (example.source === 'curated') seen.set(example.label, rank + 1);
    (isHeldOut(example, rank) ? heldOut : train).push(example);
  }
  return { train, heldOut };
}
