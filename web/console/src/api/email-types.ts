/** The shapes of the email endpoints (a conversation's mail, mailboxes, inbound mail); types.ts passes them on. */

export interface EmailAddress {
  address: string;
  /** '' when the mail gave no display name. */
  name: string;
}

export const deliveryStatuses = ['queued', 'sent', 'retrying', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Whether an outbound mail reached the relay. */
export interface EmailDelivery {
  id: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  recipients: string[];
}

/** One message's email (GET /api/v1/conversations/:id/email). */
export interface EmailView {
  /** The conversation message this mail is. */
  messageId: string;
  direction: 'inbound' | 'outbound';
  rfcMessageId: string;
  subject: string;
  from: EmailAddress | null;
  replyTo: string | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  /**
   * Sanitised on the server (no script, no handlers, no positioning); remote images hold their URL
   * in data-sanad-remote-src until the agent asks. Still rendered only inside a sandboxed frame.
   */
  html: string | null;
  blockedImages: number;
  /** The whole text; the message's body is its visible (folded) part. */
  text: string;
  /** Quoted history folded away from the text, if any. */
  quoted: string | null;
  /** The HTML has quoted history the console may fold, and words left to show without it. */
  htmlQuoteFoldable: boolean;
  textDirection: 'ltr' | 'rtl';
  /** An auto-reply or a bounce. */
  automatic: boolean;
  inboundId: string | null;
  /** Attachments the HTML already shows in place (cid: pictures): not listed again. */
  inlineAttachmentIds: string[];
  delivery: EmailDelivery | null;
  createdAt: string;
}

export type MailboxInbound = 'smtp' | 'imap';

export interface MailboxImap {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  folder: string;
  pollSeconds: number;
}

/** A mailbox as the API shows it: never its IMAP password, only whether one is stored. */
export interface Mailbox {
  id: string;
  address: string;
  name: string;
  teamId: string | null;
  inbound: MailboxInbound;
  imap: MailboxImap | null;
  hasImapPassword: boolean;
  autoAcknowledge: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MailboxImapInput {
  host: string;
  port?: number;
  secure?: boolean;
  user: string;
  /** Sent only when the admin typed one; left out, the stored password is kept. */
  password?: string;
  folder?: string;
  pollSeconds?: number;
}

/** POST /api/v1/email/mailboxes and (every field optional) PATCH /api/v1/email/mailboxes/:id. */
export interface MailboxInput {
  address: string;
  name: string;
  teamId?: string | null;
  inbound: MailboxInbound;
  imap?: MailboxImapInput | null;
  autoAcknowledge?: boolean;
  enabled?: boolean;
}

export const inboundStatuses = ['received', 'processed', 'ignored', 'failed'] as const;
export type InboundStatus = (typeof inboundStatuses)[number];

/** Mail as it arrived (GET /api/v1/email/inbound); status 'failed' could not be read. */
export interface InboundMail {
  id: string;
  mailboxId: string;
  source: MailboxInbound;
  size: number;
  messageId: string | null;
  from: string | null;
  status: InboundStatus;
  problems: string[];
  error: string | null;
  conversationId: string | null;
  receivedAt: string;
  processedAt: string | null;
}
