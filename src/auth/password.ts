import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../kernel/index.ts';

const params = { N: 2 ** 15, r: 8, p: 1, keyLength: 64 };
const maxmem = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions & { keyLength: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, options.keyLength, { N: options.N, r: options.r, p: options.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export const passwordRules = { minLength: 10, maxLength: 200 };

export function assertPasswordAcceptable(password: string): void {
  if (password.length < passwordRules.minLength) {
    throw new AppError('VALIDATION_FAILED', `a password needs at least ${passwordRules.minLength} characters`);
  }
  if (password.length > passwordRules.maxLength) {
    throw new AppError('VALIDATION_FAILED', `a password may have at most ${passwordRules.maxLength} characters`);
  }
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** False for a wrong password and for a stored hash that is damaged, never an exception. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, N, r, p, salt, hash] = stored.split('$');
  if (algorithm !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  try {
    const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p), keyLength: expected.length });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

/** Spends the same time as a real check, so unknown emails cannot be told apart by timing. */
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoy);
  return false;
}
