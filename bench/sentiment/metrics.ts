/**
 * Classification scores for the sentiment bench. Macro averages run over the labels present in
 * the gold set (AJGT has no neutral rows, so a neutral prediction there is simply a miss);
 * F1-PN is the mean F1 of positive and negative, the SemEval / ArSarcasm-v2 headline measure.
 */
export interface LabelScore {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  n: number;
  accuracy: number;
  macro_f1: number;
  macro_recall: number;
  f1_pn: number;
  per_label: LabelScore[];
}

export function score(gold: readonly string[], predicted: readonly string[]): Scores {
  const labels = [...new Set(gold)].sort();
  const per_label = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (g === label && p === label) tp += 1;
      else if (p === label) fp += 1;
      else if (g === label) fn += 1;
    });
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, support: tp + fn, precision, recall, f1 };
  });
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const pn = per_label.filter((s) => s.label === 'positive' || s.label === 'negative');
  return {
    n: gold.length,
    accuracy: mean(gold.map((g, i) => (g === predicted[i] ? 1 : 0))),
    macro_f1: mean(per_label.map((s) => s.f1)),
    macro_recall: mean(per_label.map((s) => s.recall)),
    f1_pn: mean(pn.map((s) => s.f1)),
    per_label,
  };
}
