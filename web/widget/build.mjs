// Builds the chat widget into web/widget/dist (served by Sanad under /widget/):
//   loader.js   the one script a host page embeds
//   frame.html  the chat panel's page (iframe), with widget.js and widget.css
//   demo.html   a demo host page (/demo)
// Prints every file's gzipped size and fails when the widget's total reaches the budget.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
const BUDGET = 35_000; // bytes gzipped, loader + frame page + bundle + styles

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [
    { in: join(here, 'src/loader.ts'), out: 'loader' },
    { in: join(here, 'src/widget.ts'), out: 'widget' },
    { in: join(here, 'src/widget.css'), out: 'widget' },
  ],
  outdir: out,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'chrome92', 'firefox90', 'safari15'],
  legalComments: 'none',
  // Generated code is not linted (`eslint .` would otherwise read dist/).
  banner: { js: '/* eslint-disable */' },
  logLevel: 'warning',
});
copyFileSync(join(here, 'frame.html'), join(out, 'frame.html'));
copyFileSync(join(here, 'demo.html'), join(out, 'demo.html'));

const notCounted = new Set(['demo.html']);
let total = 0;
const rows = [];
for (const name of readdirSync(out).sort()) {
  const bytes = readFileSync(join(out, name));
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (!notCounted.has(name)) total += gz;
  rows.push(`  ${name.padEnd(12)} ${String(bytes.length).padStart(7)} B  ${String(gz).padStart(6)} B gzipped${notCounted.has(name) ? '  (demo page, not counted)' : ''}`);
}
rows.push(`  ${'total'.padEnd(12)} ${''.padStart(7)}    ${String(total).padStart(6)} B gzipped  (budget: under ${BUDGET} B)`);
console.log(`widget → ${out}\n${rows.join('\n')}`);
if (total >= BUDGET) {
  console.error(`The widget is ${total} B gzipped; it must stay under ${BUDGET} B.`);
  process.exit(1);
}
