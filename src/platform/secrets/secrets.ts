import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** Keys Sanad signs and hashes with. Made on first start; never in the code. */
export interface Secrets {
  /** Keys the stored hashes of session cookies and API tokens. */
  sessionKey: Buffer;
  /** Signs visitor tokens and verifies host sites' identity HMACs. */
  hmacKey: Buffer;
}

interface SecretsFile {
  sessionKey: string;
  hmacKey: string;
}

export const secretsFileName = 'secrets.json';

function fromEnv(name: string, value: string | undefined): Buffer | null {
  if (!value) return null;
  const key = Buffer.from(value, 'base64');
  if (key.length < 32) throw new Error(`${name} must be at least 32 bytes, base64-encoded`);
  return key;
}

/**
 * Reads the keys from `<dataDir>/secrets.json`, creating it (mode 0600) on first start. Several
 * nodes sharing one PostgreSQL must share keys: give them SANAD_SESSION_KEY and SANAD_HMAC_KEY.
 */
export function loadOrCreateSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Secrets {
  const sessionFromEnv = fromEnv('SANAD_SESSION_KEY', env.SANAD_SESSION_KEY);
  const hmacFromEnv = fromEnv('SANAD_HMAC_KEY', env.SANAD_HMAC_KEY);
  if (sessionFromEnv && hmacFromEnv) return { sessionKey: sessionFromEnv, hmacKey: hmacFromEnv };

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, secretsFileName);
  let stored: SecretsFile;
  try {
    stored = JSON.parse(readFileSync(path, 'utf8')) as SecretsFile;
    // Tighten a file someone loosened by hand: these keys are as good as every password.
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${path}: ${(error as Error).message}`);
    stored = { sessionKey: randomBytes(32).toString('base64'), hmacKey: randomBytes(32).toString('base64') };
    try {
      writeFileSync(path, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      // Another process created it first: use theirs so both agree.
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
      stored = JSON.parse(readFileSync(path, 'utf8')) as SecretsFile;
    }
  }
  return {
    sessionKey: sessionFromEnv ?? Buffer.from(stored.sessionKey, 'base64'),
    hmacKey: hmacFromEnv ?? Buffer.from(stored.hmacKey, 'base64'),
  };
}
