import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { roles, isAppError, type Role } from '../kernel/index.ts';
import { getAgentByEmail } from '../accounts/index.ts';
import { createAgentWithPasswordIn, createApiToken, preparePassword, setAgentPassword } from '../auth/index.ts';
import { ConfigError, readConfig } from '../config.ts';
import { allMigrations } from '../migrations.ts';
import { migrate, openDb } from '../platform/db/index.ts';
import { transact } from '../platform/outbox/index.ts';
import { createFirstWorkspaceIn, getDefaultWorkspace } from '../workspaces/index.ts';
import { openRuntime, startSanad } from '../main.ts';
import { commandHelp, usage } from './help.ts';
import { parseLevels, parseScopes, UsageError } from './parse-list.ts';
import { simulateCommand } from './simulate-command.ts';
import { triageClassify, triageEval, triageTrain } from './triage-commands.ts';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

type Handler = (args: string[], io: CliIo) => Promise<number>;

function options<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], spec: T) {
  return optionsAndText(args, spec, false).values;
}

function optionsAndText<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], spec: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options: { ...spec, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} is required`);
  return value;
}

const system = { type: 'system' } as const;

const commands: Record<string, Handler> = {
  async start(args, io) {
    options(args, {});
    const running = await startSanad(readConfig(io.env, io.cwd), { log: io.out });
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    io.out('Stopping Sanad…');
    await running.stop();
    return 0;
  },

  async migrate(args, io) {
    options(args, {});
    const config = readConfig(io.env, io.cwd);
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const result = await migrate(db, allMigrations);
      io.out(result.applied.length ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}` : `Nothing to apply; ${result.alreadyApplied} migration(s) already applied.`);
      return 0;
    } finally {
      await db.close();
    }
  },

  async 'agent add'(args, io) {
    const o = options(args, {
      email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' },
      languages: { type: 'string' }, skills: { type: 'string' }, 'time-zone': { type: 'string' },
    });
    const role = (o.role ?? 'agent') as Role;
    if (!roles.includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
    const email = required(o.email, 'email');
    const name = required(o.name, 'name');
    const languages = parseLevels(o.languages, 'languages').map((l) => ({ code: l.name, proficiency: l.proficiency }));
    const skills = parseLevels(o.skills, 'skills');
    const generated = o.password === undefined;
    const password = o.password ?? randomBytes(12).toString('base64url');
    const prepared = await preparePassword(password);
    const runtime = await openRuntime(readConfig(io.env, io.cwd));
    try {
      const existing = await getDefaultWorkspace(runtime.ctx);
      const agent = await transact(runtime.ctx, async (tx) => {
        // Inside a transaction only tx.sql may be used: PGlite has one connection and would wait on itself.
        const workspace = existing ?? (await createFirstWorkspaceIn(tx, { name: 'Sanad' }));
        if (!workspace) throw new Error('the workspace appeared while adding the agent; run the command again');
        return createAgentWithPasswordIn(tx, { workspaceId: workspace.id, email, name, role, languages, skills, timeZone: o['time-zone'] }, prepared, system);
      });
      io.out(`Added ${agent.role} ${agent.name} <${agent.email}> (${agent.id}).`);
      if (generated) io.out(`Password (shown once): ${password}`);
      return 0;
    } finally {
      await runtime.close();
    }
  },

  async 'agent password'(args, io) {
    const o = options(args, { email: { type: 'string' }, password: { type: 'string' } });
    const email = required(o.email, 'email');
    const password = o.password ?? randomBytes(12).toString('base64url');
    const runtime = await openRuntime(readConfig(io.env, io.cwd));
    try {
      const agent = await getAgentByEmail(runtime.ctx, email);
      if (!agent) throw new UsageError(`no agent with email ${email}`);
      await setAgentPassword(runtime.ctx, agent.workspaceId, agent.id, password, system);
      io.out(`Password set for ${agent.email}; their sessions were ended.`);
      if (o.password === undefined) io.out(`Password (shown once): ${password}`);
      return 0;
    } finally {
      await runtime.close();
    }
  },

  async 'triage train'(args, io) {
    triageTrain(options(args, { data: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } }), io);
    return 0;
  },

  async 'triage eval'(args, io) {
    triageEval(options(args, { model: { type: 'string' }, data: { type: 'string' } }), io);
    return 0;
  },

  async 'triage classify'(args, io) {
    const parsed = optionsAndText(args, { model: { type: 'string' } });
    triageClassify(parsed.values, parsed.positionals.join(' '), io);
    return 0;
  },

  async simulate(args, io) {
    simulateCommand(options(args, { scenario: { type: 'string' }, seed: { type: 'string' }, policies: { type: 'string' }, json: { type: 'boolean' } }), io);
    return 0;
  },

  async 'token create'(args, io) {
    const o = options(args, { name: { type: 'string' }, scopes: { type: 'string' }, 'expires-in-days': { type: 'string' } });
    const name = required(o.name, 'name');
    const scopes = parseScopes(o.scopes);
    const days = o['expires-in-days'] === undefined ? null : Number(o['expires-in-days']);
    if (days !== null && (!Number.isInteger(days) || days < 1)) throw new UsageError('--expires-in-days must be a whole number of days, 1 or more');
    const runtime = await openRuntime(readConfig(io.env, io.cwd));
    try {
      const workspace = await getDefaultWorkspace(runtime.ctx);
      if (!workspace) throw new UsageError('there is no workspace yet: run `sanad start` once, or `sanad agent add` first');
      const expiresAt = days === null ? null : new Date(Date.now() + days * 86_400_000);
      const { token, record } = await createApiToken(runtime.ctx, workspace.id, { name, scopes, expiresAt }, system);
      io.out(`Created token "${record.name}" (${record.id}) with scopes ${record.scopes.join(' ')}${expiresAt ? `, expiring ${expiresAt.toISOString()}` : ''}.`);
      io.out(`Token (shown once): ${token}`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

/** Runs one CLI command. Exit codes: 0 done, 1 it failed, 2 the command line was wrong. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, second] = argv;
  const twoWord = first && second && commands[`${first} ${second}`] ? `${first} ${second}` : undefined;
  const name = twoWord ?? first;
  const rest = argv.slice(twoWord ? 2 : 1);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? argv.slice(1).join(' ') : '';
    io.out(topic && commandHelp[topic] ? commandHelp[topic] : usage);
    return 0;
  }
  const handler = commands[name];
  if (!handler) {
    io.err(`sanad: unknown command "${argv.join(' ')}"\n\n${usage}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp[name] ?? usage);
    return 0;
  }
  try {
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(`sanad ${name}: ${error.message}\n\n${commandHelp[name] ?? ''}`);
      return 2;
    }
    if (isAppError(error)) {
      io.err(`sanad ${name}: ${error.message} (${error.code})`);
      return 1;
    }
    io.err(`sanad ${name}: ${(error as Error).message}`);
    return 1;
  }
}
