import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecrets, secretsFileName } from './secrets.ts';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-secrets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('secrets', () => {
  it('when started the first time, then random keys are written readable by the owner only, and reused after', () => {
    const dir = fresh();
    const first = loadOrCreateSecrets(dir, {});
    expect(first.sessionKey.length).toBe(32);
    expect(first.sessionKey.equals(first.hmacKey)).toBe(false);
    expect(statSync(join(dir, secretsFileName)).mode & 0o777).toBe(0o600);
    const again = loadOrCreateSecrets(dir, {});
    expect(again.sessionKey.equals(first.sessionKey)).toBe(true);
    expect(loadOrCreateSecrets(fresh(), {}).sessionKey.equals(first.sessionKey)).toBe(false);
  });

  it('when someone loosened the file, then it is tightened back to 0600', () => {
    const dir = fresh();
    loadOrCreateSecrets(dir, {});
    chmodSync(join(dir, secretsFileName), 0o644);
    loadOrCreateSecrets(dir, {});
    expect(statSync(join(dir, secretsFileName)).mode & 0o777).toBe(0o600);
  });

  it('when keys come from the environment, then they are used and no file is needed', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const dir = fresh();
    const secrets = loadOrCreateSecrets(dir, { SANAD_SESSION_KEY: key, SANAD_HMAC_KEY: key });
    expect(secrets.sessionKey.toString('base64')).toBe(key);
    expect(() => readFileSync(join(dir, secretsFileName))).toThrow();
  });

  it('when an environment key is too short, then start-up stops with a clear message', () => {
    expect(() => loadOrCreateSecrets(fresh(), { SANAD_SESSION_KEY: 'c2hvcnQ=', SANAD_HMAC_KEY: 'c2hvcnQ=' })).toThrow('at least 32 bytes');
  });
});
