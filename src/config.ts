import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** The address people reach Sanad at, when it differs from http://localhost:PORT (a proxy). */
  publicUrl: string | undefined;
  trustedOrigins: string[];
  secureCookies: boolean;
  logLevel: string;
  /** The demo admin's login on first start; a password is generated when absent. */
  demoAdmin: { email: string | undefined; password: string | undefined };
  email: EmailConfig;
}

export interface EmailConfig {
  /** Sanad's own SMTP listener: off unless a port is given. */
  smtpPort: number | null;
  smtpHost: string;
  smtpMaxBytes: number;
  /** PEM files: STARTTLS is offered when both are set. */
  smtpTls: { certFile: string; keyFile: string } | null;
  /** Where replies go out, e.g. smtp://user:password@relay.example.com:587. */
  relayUrl: string | null;
  /** Fetch IMAP mailboxes on this node (SANAD_IMAP_FETCH=0 turns it off on extra nodes). */
  imapFetch: boolean;
}

export class ConfigError extends Error {}

function port(value: string | undefined, name = 'PORT'): number {
  if (value === undefined || value === '') return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a number from 0 to 65535, not "${value}"`);
  return n;
}

function origin(value: string, name: string): string {
  try {
    return new URL(value).origin;
  } catch {
    throw new ConfigError(`${name} must be a URL such as https://support.example.com, not "${value}"`);
  }
}

function imapFetch(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new ConfigError(`SANAD_IMAP_FETCH must be 1 or 0, not "${value}"`);
}

function emailConfig(env: NodeJS.ProcessEnv, cwd: string): EmailConfig {
  const smtpPort = env.SANAD_SMTP_PORT ? port(env.SANAD_SMTP_PORT, 'SANAD_SMTP_PORT') : null;
  const maxMb = env.SANAD_SMTP_MAX_MB ? Number(env.SANAD_SMTP_MAX_MB) : 25;
  if (!Number.isFinite(maxMb) || maxMb < 1 || maxMb > 200) throw new ConfigError(`SANAD_SMTP_MAX_MB must be a number of megabytes from 1 to 200, not "${env.SANAD_SMTP_MAX_MB}"`);
  const cert = env.SANAD_SMTP_TLS_CERT;
  const key = env.SANAD_SMTP_TLS_KEY;
  if (!!cert !== !!key) throw new ConfigError('SANAD_SMTP_TLS_CERT and SANAD_SMTP_TLS_KEY go together: give both PEM files or neither');
  const relay = env.SANAD_SMTP_RELAY || null;
  if (relay && !/^smtps?:\/\/[^/\s]+/.test(relay)) throw new ConfigError('SANAD_SMTP_RELAY must be a URL such as smtp://user:password@relay.example.com:587');
  return {
    smtpPort, smtpHost: env.SANAD_SMTP_HOST || '0.0.0.0', smtpMaxBytes: Math.round(maxMb * 1024 * 1024),
    smtpTls: cert && key ? { certFile: resolve(cwd, cert), keyFile: resolve(cwd, key) } : null, relayUrl: relay,
    imapFetch: imapFetch(env.SANAD_IMAP_FETCH),
  };
}

/** Reads Sanad's settings from the environment; a wrong value stops start-up with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const publicUrl = env.SANAD_PUBLIC_URL ? origin(env.SANAD_PUBLIC_URL, 'SANAD_PUBLIC_URL') : undefined;
  const trusted = (env.SANAD_TRUSTED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((o) => origin(o, 'SANAD_TRUSTED_ORIGINS'));
  if (env.DATABASE_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (env.REDIS_URL && !/^rediss?:\/\//.test(env.REDIS_URL)) throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  return {
    port: port(env.PORT),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(cwd, env.SANAD_DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    publicUrl,
    trustedOrigins: publicUrl ? [publicUrl, ...trusted] : trusted,
    secureCookies: env.SANAD_SECURE_COOKIES === '1' || publicUrl?.startsWith('https:') === true,
    logLevel: env.LOG_LEVEL || 'info',
    demoAdmin: { email: env.SANAD_ADMIN_EMAIL || undefined, password: env.SANAD_ADMIN_PASSWORD || undefined },
    email: emailConfig(env, cwd),
  };
}
