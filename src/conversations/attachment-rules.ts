import { AppError } from '../kernel/index.ts';

/** What customers and agents may attach: pictures and PDFs, judged by their bytes, not their label. */
export const attachmentTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachmentsPerMessage = 5;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);

/** The type the content really is, from its first bytes; null for anything not allowed. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/**
 * Checks an upload: not empty, not too big, an allowed type, and the type it claims to be (a
 * script renamed to .png is refused rather than stored).
 */
export function checkAttachment(bytes: Uint8Array, declaredType: string | undefined): AttachmentType {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', 'the file is empty');
  if (bytes.length > maxAttachmentBytes) throw new AppError('PAYLOAD_TOO_LARGE', `files are limited to ${maxAttachmentBytes / 1024 / 1024} MB`);
  const sniffed = sniffAttachmentType(bytes);
  if (!sniffed) throw new AppError('ATTACHMENT_TYPE_REFUSED', `only ${attachmentTypes.join(', ')} files can be attached`);
  const declared = declaredType?.split(';')[0]?.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && declared !== sniffed) {
    throw new AppError('ATTACHMENT_TYPE_REFUSED', `the file says it is ${declared} but its content is ${sniffed}`);
  }
  return sniffed;
}

/** A file name safe to show and to send back in a header: no paths, no control or bidi characters. */
export function cleanFileName(raw: string | undefined, type: AttachmentType | 'application/octet-stream'): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"]/g, '').trim().slice(0, 200);
  const extension = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'application/pdf': 'pdf', 'application/octet-stream': 'bin' }[type];
  return cleaned || `attachment.${extension}`;
}

/**
 * A file that arrived through a channel (an email attachment) is kept whatever it is, since the
 * customer sent it; but only the types we can show safely keep their type. Everything else is
 * served as application/octet-stream, a download, so an HTML or SVG file can never run in the console.
 */
export function inboundFileType(bytes: Uint8Array): AttachmentType | 'application/octet-stream' {
  return sniffAttachmentType(bytes) ?? 'application/octet-stream';
}
