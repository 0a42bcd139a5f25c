import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// dependency-cruiser keeps *-rules.ts files to types and the kernel, which also forbids them from
// calling one another; the files that compose them are checked here, so the whole folder stays a
// pure function of its input (deadlines are recomputed from stored data and must not drift).
const folder = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('the calendar folder is pure', () => {
  it.each(sources)('when %s is read, then it imports only its siblings and the kernel', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    const specifiers = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(specifiers.filter((s) => !s?.startsWith('./') && !s?.startsWith('../../kernel/'))).toEqual([]);
  });

  it.each(sources)('when %s is read, then it reads no clock, randomness, environment or console', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    expect(text).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random|process\.|console\.|setTimeout|setInterval/);
  });
});
