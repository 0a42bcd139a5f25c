/**
 * A private Dovecot for tests: its own config, maildirs, sockets and log in a temp directory, on a
 * free loopback port, run in the foreground as a child process. It never touches the system
 * Dovecot. Speaks Dovecot 2.3's configuration (Debian bookworm's); tests skip where the binary is
 * missing (`.ci/run` installs it).
 *
 * Dovecot refuses to run its login and mail processes as root, so as root (CI, this machine) the
 * login processes run as Debian's `dovenull`, internal ones as `dovecot`, and mail as `nobody`,
 * who owns the maildirs. As any other user everything runs as that user, without chroot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const dovecotPath = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';
export const hasDovecot = existsSync(dovecotPath);

export interface DovecotOptions {
  /** Accounts to create; each gets `password`. */
  users: readonly string[];
  password?: string;
  /** Leave IDLE out of the advertised capabilities, to exercise polling. */
  withoutIdle?: boolean;
}

export interface DovecotServer {
  readonly host: string;
  readonly port: number;
  readonly password: string;
  readonly dir: string;
  /** Stops the server, keeping its mail, so `start()` can bring the same one back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes everything. */
  destroy(): Promise<void>;
  log(): string;
}

// Debian's 2.3.19 post-login capabilities, minus IDLE.
const capabilitiesWithoutIdle = 'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS '
  + 'THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 '
  + 'CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE STATUS=SIZE SAVEDATE LITERAL+';

// Servers still running when the test process exits (a failed test, a crash) are killed with it.
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const proc of live) signalGroup(proc, 'SIGKILL');
});

export async function startDovecot(options: DovecotOptions): Promise<DovecotServer> {
  if (!hasDovecot) throw new Error(`no Dovecot at ${dovecotPath} (apt-get install dovecot-imapd, or set DOVECOT_PATH)`);
  const password = options.password ?? 'secret-imap-pass';
  const dir = mkdtempSync(join(tmpdir(), 'sanad-dovecot-'));
  const port = await freePort();
  const conf = writeConfig(dir, port, password, options);
  let child: ChildProcess | null = null;

  const start = async () => {
    if (child) return;
    // Its own process group: the master leaves its imap and log children running when it is
    // killed, so stopping signals the whole group (which holds only this server's processes).
    const proc = spawn(dovecotPath, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    let exited = false;
    proc.on('exit', () => {
      exited = true;
      if (child === proc) child = null;
    });
    child = proc;
    live.add(proc);
    proc.once('exit', () => live.delete(proc));
    for (let tries = 0; ; tries++) {
      if (exited) throw new Error(`Dovecot exited at start: ${output}\n${readLog(dir)}`);
      if (await answersReady(port)) return;
      if (tries >= 200) {
        signalGroup(proc, 'SIGKILL');
        throw new Error(`Dovecot did not answer on port ${port} within 20 s: ${output}\n${readLog(dir)}`);
      }
      await sleep(100);
    }
  };

  const stop = async () => {
    const proc = child;
    if (!proc) return;
    child = null;
    const gone = new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once('exit', () => resolve())));
    signalGroup(proc, 'SIGTERM');
    const killed = setTimeout(() => signalGroup(proc, 'SIGKILL'), 5_000);
    await gone;
    clearTimeout(killed);
    // Whatever child outlived the master (an imap session) goes too, as a real server stop would take it.
    await sleep(100);
    signalGroup(proc, 'SIGKILL');
    for (let i = 0; i < 50 && (await listening(port)); i++) await sleep(100);
  };

  await start();
  return {
    host: '127.0.0.1', port, password, dir, start, stop,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => readLog(dir),
  };
}

function writeConfig(dir: string, port: number, password: string, options: DovecotOptions): string {
  const root = userInfo().uid === 0;
  const me = userInfo().username;
  const mail = join(dir, 'mail');
  const home = join(dir, 'home');
  for (const d of ['run', 'state', 'mail', 'home']) mkdirSync(join(dir, d), { recursive: true });
  // As root, mail runs as nobody (Dovecot refuses uid 0 for mail), who must own the maildirs.
  const mailUid = root ? 65534 : userInfo().uid;
  const mailGid = root ? 65534 : userInfo().gid;
  if (root) {
    // mkdtemp makes the directory 0700; Dovecot's auth (as dovecot) and mail (as nobody) processes
    // must reach the users file and the maildirs inside it.
    chmodSync(dir, 0o755);
    chownSync(mail, mailUid, mailGid);
    chownSync(home, mailUid, mailGid);
  }
  for (const user of options.users) {
    if (!/^[a-z0-9._-]+$/i.test(user)) throw new Error(`unsupported test user name ${user}`);
  }
  writeFileSync(join(dir, 'users'), options.users.map((u) => `${u}:{PLAIN}${password}::::::\n`).join(''));
  const noChroot = root ? '' : '  chroot =\n';
  const conf = `# Written by Sanad's test harness; a throwaway server.
protocols = imap
listen = 127.0.0.1
base_dir = ${join(dir, 'run')}
state_dir = ${join(dir, 'state')}
instance_name = sanad-test-${port}
log_path = ${join(dir, 'dovecot.log')}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${root ? 'dovecot' : me}
default_login_user = ${root ? 'dovenull' : me}
${root ? '' : `default_internal_group = ${groupName()}\n`}mail_location = maildir:${mail}/%u
# Tell IDLE clients about new mail within a second, not the default 30.
mailbox_idle_check_interval = 1 secs
${options.withoutIdle ? `imap_capability = ${capabilitiesWithoutIdle}\n` : ''}passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${home}/%u
}
service imap-login {
${noChroot}  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service imap {
  process_limit = 64
}
service auth {
${noChroot}}
service anvil {
${noChroot}}
`;
  const path = join(dir, 'dovecot.conf');
  writeFileSync(path, conf);
  return path;
}

function signalGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  if (!proc.pid) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function groupName(): string {
  // The group of the current user by gid; Dovecot wants a name. Falls back to the user's name,
  // which is a group of the same name on Debian.
  try {
    const line = readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.split(':')[2] === String(userInfo().gid));
    if (line) return line.split(':')[0]!;
  } catch {
    // no /etc/group
  }
  return userInfo().username;
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'dovecot.log'), 'utf8');
  } catch {
    return '';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Dovecot greets with "Waiting for authentication process" until auth is up; only "ready" counts. */
function answersReady(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.on('data', (d: Buffer) => {
      text += d.toString();
      if (/ready\./i.test(text)) done(true);
    });
    socket.on('error', () => done(false));
    socket.on('close', () => done(/ready\./i.test(text)));
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
