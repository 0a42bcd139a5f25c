// Builds the console and the widget when their output is missing or older than their sources, so
// `npm start` and `npm test` work from a fresh clone without a separate build step.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) => {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
};

const targets = [
  { name: 'console', sources: 'web/console', output: 'web/console/dist/index.html', script: 'build:console' },
  { name: 'widget', sources: 'web/widget', output: 'web/widget/dist/loader.js', script: 'build:widget' },
];

for (const target of targets) {
  if (!existsSync(target.sources)) continue;
  const built = existsSync(target.output) ? statSync(target.output).mtimeMs : 0;
  if (built >= newest(target.sources)) continue;
  console.log(`Building the ${target.name}…`);
  // Always the production bundle: under a test runner NODE_ENV=test would make Vite build React's development one.
  execSync(`npm run --silent ${target.script}`, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
