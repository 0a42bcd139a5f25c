/**
 * Parses labelled JSON Lines (`{"text","label","lang"?,…}` per line). Blank lines are skipped;
 * a bad line throws an Error naming the source and its 1-based line number. Pure.
 */
import type { IntentExample } from './train.ts';

export function parseJsonl(content: string, source = 'jsonl'): IntentExample[] {
  const examples: IntentExample[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const where = `${source}:${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new Error(`${where}: expected a JSON object`);
    const { text, label, lang } = row as Record<string, unknown>;
    if (typeof text !== 'string' || text.trim() === '') throw new Error(`${where}: "text" must be a non-empty string`);
    if (typeof label !== 'string' || label.trim() === '') throw new Error(`${where}: "label" must be a non-empty string`);
    if (lang !== undefined && typeof lang !== 'string') throw new Error(`${where}: "lang" must be a string when present`);
    examples.push(lang === undefined ? { text, label } : { text, label, lang });
  }
  return examples;
}
