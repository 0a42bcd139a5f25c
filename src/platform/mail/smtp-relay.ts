import nodemailer from 'nodemailer';

/** The way out: an SMTP relay in production, a local sink in tests. */
export interface MailTransport {
  send(envelope: { from: string; to: string[] }, raw: Buffer): Promise<{ response: string }>;
}

/**
 * The outbound relay from a URL: smtp://user:password@relay.example.com:587 (STARTTLS when the
 * relay offers it) or smtps://…:465 (implicit TLS). The stored MIME is sent as is, so a retry sends
 * exactly the bytes (and Message-ID) the first attempt did.
 */
export function relayTransport(url: string): MailTransport {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`the outbound relay must be a URL such as smtp://user:password@relay.example.com:587, not "${url}"`);
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new Error('the outbound relay URL starts with smtp:// or smtps://');
  const transport = nodemailer.createTransport(url);
  return {
    async send(envelope, raw) {
      const info = await transport.sendMail({ envelope, raw });
      return { response: String(info.response ?? '') };
    },
  };
}
