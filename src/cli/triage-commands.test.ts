import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './sanad.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-triage-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const examples: Record<string, string[]> = {
  refund: ['I want my money back', 'please refund my order', 'refund the charge', 'أريد استرجاع أموالي', 'رجعولي فلوسي', 'ابي استرداد المبلغ'],
  card_lost: ['I lost my card', 'my card was stolen', 'cannot find my bank card', 'ضاعت بطاقتي', 'سرقت البطاقة', 'فقدت كرت البنك'],
  login: ['I cannot log in', 'password reset does not work', 'locked out of my account', 'لا أستطيع تسجيل الدخول', 'نسيت كلمة السر', 'الحساب مقفل'],
};
const jsonl = (rows: [string, string][]) => rows.map(([text, label]) => JSON.stringify({ text, label })).join('\n') + '\n';
const train = join(dir, 'train.jsonl');
writeFileSync(train, jsonl(Object.entries(examples).flatMap(([label, texts]) => [...texts, ...texts.map((t) => `${t} please`)].map((t) => [t, label] as [string, string]))));
const test = join(dir, 'test.jsonl');
writeFileSync(test, jsonl([['give me a refund', 'refund'], ['بطاقتي ضاعت', 'card_lost'], ['I forgot my password', 'login']]));
const model = join(dir, 'model');

async function sanad(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env: {}, cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l) };
  return { code: await runCli(argv, io), out: out.join('\n'), err: err.join('\n') };
}

describe('sanad triage', () => {
  it('when a model is trained, evaluated and asked about a message, then each step prints JSON', async () => {
    const trained = await sanad('triage', 'train', '--data', train, '--out', model, '--seed', '7');
    expect(trained.code, trained.err).toBe(0);
    expect(JSON.parse(trained.out)).toMatchObject({ examples: 36, labels: 3 });

    const evaluated = await sanad('triage', 'eval', '--model', model, '--data', test);
    expect(evaluated.code, evaluated.err).toBe(0);
    const report = JSON.parse(evaluated.out);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['accuracy', 'macro_f1', 'per_label', 'ms_per_message']));
    expect(report.accuracy).toBeGreaterThan(0);

    const classified = await sanad('triage', 'classify', '--model', model, 'طلبي رقم 48213 ضاع، أريد استرجاع 349 ريال');
    expect(classified.code, classified.err).toBe(0);
    const reading = JSON.parse(classified.out);
    expect(reading).toMatchObject({ language: { language: 'ar' } });
    expect(reading.facts.map((f: { kind: string }) => f.kind)).toEqual(expect.arrayContaining(['order_number', 'amount']));
    expect(reading.alternatives).toHaveLength(3);
  });

  it('when a data file has a broken line, then the error names the file and line and exits 1', async () => {
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, '{"text":"ok","label":"a"}\n{"text": "no label"}\n');
    const result = await sanad('triage', 'train', '--data', broken, '--out', join(dir, 'never'));
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${broken}:2`);
  });

  it('when arguments are missing or point nowhere, then it exits 2 with what to give', async () => {
    expect((await sanad('triage', 'train', '--out', model)).err).toContain('--data is required');
    expect((await sanad('triage', 'eval', '--model', join(dir, 'nope'), '--data', test)).code).toBe(2);
    expect((await sanad('triage', 'classify', '--model', model)).err).toContain('give the message to classify');
    expect((await sanad('triage', 'train', '--data', join(dir, 'missing.jsonl'), '--out', model)).err).toContain('no file at');
  });
});
