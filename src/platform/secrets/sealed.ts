import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets Sanad must read back (an IMAP password, a relay's password) are sealed with AES-256-GCM
 * under a key derived from the server's own key, so a database dump alone does not give them away.
 * Format: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
function keyFor(serverKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), `sanad-sealed:${purpose}`, 32));
}

export function sealSecret(serverKey: Buffer, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(serverKey, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The plaintext, or an error saying the key changed (a node started with another SANAD_HMAC_KEY). */
export function openSecret(serverKey: Buffer, purpose: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(serverKey, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('a sealed secret could not be opened: was the server key changed? Enter the secret again.');
  }
}
