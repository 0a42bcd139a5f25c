import { describe, expect, it } from 'vitest';
import { checkAttachment, cleanFileName, maxAttachmentBytes, sniffAttachmentType } from './attachment-rules.ts';

import { sampleFiles } from '../testing/index.ts';

const { png, jpeg, gif, webp, pdf, html } = sampleFiles;

describe('what an attachment really is', () => {
  it.each([
    ['a PNG', png, 'image/png'],
    ['a JPEG', jpeg, 'image/jpeg'],
    ['a GIF', gif, 'image/gif'],
    ['a WebP', webp, 'image/webp'],
    ['a PDF', pdf, 'application/pdf'],
  ])('when the bytes are %s, then that is its type', (_label, content, type) => {
    expect(sniffAttachmentType(content)).toBe(type);
    expect(checkAttachment(content, type)).toBe(type);
    expect(checkAttachment(content, 'application/octet-stream')).toBe(type);
  });

  it('when HTML is labelled as a picture, then it is refused', () => {
    expect(sniffAttachmentType(html)).toBeNull();
    expect(() => checkAttachment(html, 'image/png')).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TYPE_REFUSED' }));
  });

  it('when a PDF claims to be a PNG, then the mismatch is refused', () => {
    expect(() => checkAttachment(pdf, 'image/png')).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TYPE_REFUSED' }));
  });

  it('when a file is empty or over the limit, then it is refused', () => {
    expect(() => checkAttachment(new Uint8Array(), 'image/png')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    const huge = new Uint8Array(maxAttachmentBytes + 1);
    huge.set(png);
    expect(() => checkAttachment(huge, 'image/png')).toThrow(expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }));
  });
});

describe('file names', () => {
  it('when a name carries a path, control or bidi characters, then only a clean base name is kept', () => {
    expect(cleanFileName('../../etc/passwd.png', 'image/png')).toBe('passwd.png');
    expect(cleanFileName('C:\\Users\\x\\فاتورة.pdf', 'application/pdf')).toBe('فاتورة.pdf');
    expect(cleanFileName('invoice\u202Egnp.exe', 'image/png')).toBe('invoicegnp.exe');
    expect(cleanFileName('', 'application/pdf')).toBe('attachment.pdf');
    expect(cleanFileName(undefined, 'image/jpeg')).toBe('attachment.jpg');
  });
});
