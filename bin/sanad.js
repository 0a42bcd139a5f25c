#!/usr/bin/env node
// Sanad runs from its TypeScript sources; tsx compiles them as they load.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/sanad.ts');
const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
