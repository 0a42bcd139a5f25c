import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('when nothing is set, then Sanad runs on port 3000 with PGlite in ./data', () => {
    const config = readConfig({}, '/srv/sanad');
    expect(config).toMatchObject({ port: 3000, dataDir: '/srv/sanad/data', databaseUrl: undefined, redisUrl: undefined, secureCookies: false });
  });

  it('when PORT, SANAD_DATA_DIR and DATABASE_URL are set, then they are used', () => {
    const config = readConfig({ PORT: '8080', SANAD_DATA_DIR: '/var/lib/sanad', DATABASE_URL: 'postgres://u@db/sanad' }, '/x');
    expect(config).toMatchObject({ port: 8080, dataDir: '/var/lib/sanad', databaseUrl: 'postgres://u@db/sanad' });
  });

  it('when a public https URL is set, then cookies are Secure and its origin is trusted', () => {
    const config = readConfig({ SANAD_PUBLIC_URL: 'https://help.example.com/', SANAD_TRUSTED_ORIGINS: 'https://shop.example.com' });
    expect(config.secureCookies).toBe(true);
    expect(config.trustedOrigins).toEqual(['https://help.example.com', 'https://shop.example.com']);
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ SANAD_PUBLIC_URL: 'not a url' }, 'SANAD_PUBLIC_URL'],
  ])('when %o is wrong, then a ConfigError names %s', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(name);
  });
});

describe('email settings', () => {
  it('given no email variables, when read, then the SMTP listener is off and there is no relay', () => {
    expect(readConfig({}, '/x').email).toEqual({ smtpPort: null, smtpHost: '0.0.0.0', smtpMaxBytes: 25 * 1024 * 1024, smtpTls: null, relayUrl: null, imapFetch: true });
    expect(readConfig({ SANAD_IMAP_FETCH: '0' }, '/x').email.imapFetch).toBe(false);
  });

  it('given a port, a size, PEM files and a relay, when read, then they are taken (files resolved from the working directory)', () => {
    const email = readConfig({ SANAD_SMTP_PORT: '2525', SANAD_SMTP_MAX_MB: '10', SANAD_SMTP_TLS_CERT: 'tls/cert.pem', SANAD_SMTP_TLS_KEY: 'tls/key.pem', SANAD_SMTP_RELAY: 'smtp://u:p@relay.example.com:587' }, '/srv').email;
    expect(email).toEqual({ smtpPort: 2525, smtpHost: '0.0.0.0', smtpMaxBytes: 10 * 1024 * 1024, smtpTls: { certFile: '/srv/tls/cert.pem', keyFile: '/srv/tls/key.pem' }, relayUrl: 'smtp://u:p@relay.example.com:587', imapFetch: true });
  });

  it.each([
    [{ SANAD_SMTP_PORT: 'twenty-five' }, 'SANAD_SMTP_PORT'],
    [{ SANAD_SMTP_MAX_MB: '0' }, 'SANAD_SMTP_MAX_MB'],
    [{ SANAD_SMTP_TLS_CERT: 'cert.pem' }, 'SANAD_SMTP_TLS_KEY'],
    [{ SANAD_SMTP_RELAY: 'relay.example.com' }, 'SANAD_SMTP_RELAY'],
    [{ SANAD_IMAP_FETCH: 'maybe' }, 'SANAD_IMAP_FETCH'],
  ])('when %o is wrong, then a ConfigError names %s', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(name);
  });
});
