import { describe, expect, it } from 'vitest';
import { checkFile, failureText, fallbackBody, formatSize, maxAttachmentBytes, refusalText, retryable, typeOf, Uploads, type FileLike } from './attachments.ts';
import type { Attachment } from './protocol.ts';
import { strings } from './strings.ts';

const file = (name: string, type: string, size = 1000): FileLike => ({ name, type, size });
const meta = (id: string, name: string): Attachment => ({ id, name, contentType: 'image/png', size: 1000 });

/** An upload whose answer the test gives, one file at a time. */
function pending() {
  const calls: { file: FileLike; resolve: (a: Attachment) => void; reject: (e: unknown) => void }[] = [];
  let changes = 0;
  const uploads = new Uploads(
    (f) => new Promise<Attachment>((resolve, reject) => calls.push({ file: f, resolve, reject })),
    () => changes++,
  );
  return { uploads, calls, changes: () => changes };
}
const settled = () => new Promise((r) => setTimeout(r, 0));
const states = (u: Uploads) => u.list().map((c) => `${c.file.name}:${c.state}`);

describe('client-side checks', () => {
  it('when a file is a picture or a PDF within 10 MB, then it may be uploaded', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']) expect(checkFile(file('x', type))).toBeNull();
    expect(checkFile(file('big.pdf', 'application/pdf', maxAttachmentBytes))).toBeNull();
  });

  it('when a file is of another type or larger than 10 MB, then it is refused before any upload', () => {
    expect(checkFile(file('a.svg', 'image/svg+xml'))).toBe('type');
    expect(checkFile(file('a.exe', 'application/x-msdownload'))).toBe('type');
    expect(checkFile(file('a.bin', ''))).toBe('type');
    expect(checkFile(file('huge.png', 'image/png', maxAttachmentBytes + 1))).toBe('size');
  });

  it('when the browser gives no type, then the extension decides', () => {
    expect(typeOf(file('Scan.PDF', ''))).toBe('application/pdf');
    expect(typeOf(file('photo.jpg', ''))).toBe('image/jpeg');
    expect(typeOf(file('photo.jpg', 'image/png'))).toBe('image/png');
    expect(checkFile(file('photo.webp', ''))).toBeNull();
  });

  it('when a file is refused, then the visitor is told which and why, in their language', () => {
    expect(refusalText(strings.en, 'a.svg', 'type')).toBe('a.svg: only pictures (PNG, JPEG, GIF, WebP) and PDF files can be attached.');
    expect(refusalText(strings.en, 'huge.png', 'size')).toBe('huge.png: files can be at most 10 MB.');
    expect(refusalText(strings.ar, 'صورة.png', 'size')).toBe('صورة.png: الحد الأقصى لحجم الملف ١٠ ميغابايت.');
    expect(refusalText(strings.ar, 'f.pdf', 'count')).toContain('خمسة ملفات');
  });

  it('when sizes are shown, then they use the unit that fits, in the panel language', () => {
    expect(formatSize(584, 'en')).toBe('0.6 kB');
    expect(formatSize(20, 'en')).toBe('0.1 kB');
    expect(formatSize(12_345, 'en')).toBe('12 kB');
    expect(formatSize(1_572_864, 'en')).toBe('1.5 MB');
    expect(formatSize(1_572_864, 'ar')).toBe(new Intl.NumberFormat('ar', { style: 'unit', unit: 'megabyte', unitDisplay: 'short' }).format(1.5));
  });

  it('when a message carries only files, then its body is their names', () => {
    expect(fallbackBody([{ name: 'a.png' }, { name: 'b.pdf' }])).toBe('a.png, b.pdf');
  });
});

describe('files waiting for the next message', () => {
  it('when files are added, then those that pass are uploaded and shown as uploading, the others returned with the reason', () => {
    const { uploads, calls } = pending();
    const refused = uploads.add([file('a.png', 'image/png'), file('a.svg', 'image/svg+xml'), file('b.pdf', 'application/pdf')]);
    expect(refused.map((r) => `${r.file.name}:${r.why}`)).toEqual(['a.svg:type']);
    expect(calls.map((c) => c.file.name)).toEqual(['a.png', 'b.pdf']);
    expect(states(uploads)).toEqual(['a.png:uploading', 'b.pdf:uploading']);
  });

  it('when more than five files are added, then the sixth is refused', () => {
    const { uploads } = pending();
    const refused = uploads.add(['1', '2', '3', '4', '5', '6'].map((n) => file(n + '.png', 'image/png')));
    expect(refused.map((r) => `${r.file.name}:${r.why}`)).toEqual(['6.png:count']);
  });

  it('when an upload answers, then its chip is ready; the message takes every ready file and the chips clear', async () => {
    const { uploads, calls } = pending();
    uploads.add([file('a.png', 'image/png'), file('b.pdf', 'application/pdf')]);
    calls[0]!.resolve(meta('u1', 'a.png'));
    await settled();
    expect(states(uploads)).toEqual(['a.png:ready', 'b.pdf:uploading']);
    expect(uploads.take()).toBeNull();
    expect(uploads.list()).toHaveLength(2);
    calls[1]!.resolve(meta('u2', 'b.pdf'));
    await settled();
    expect(uploads.take()?.map((a) => a.id)).toEqual(['u1', 'u2']);
    expect(uploads.list()).toEqual([]);
    expect(uploads.take()).toEqual([]);
  });

  it('when the server refuses a file for its size or type, then the chip fails with the code shown and no retry; other failures may be retried', async () => {
    const { uploads, calls } = pending();
    uploads.add([file('fake.png', 'image/png'), file('b.png', 'image/png')]);
    calls[0]!.reject({ status: 415, code: 'ATTACHMENT_TYPE_REFUSED', detail: 'the file says it is image/png but its content is application/pdf' });
    calls[1]!.reject(new TypeError('Failed to fetch'));
    await settled();
    const [refused, lost] = uploads.list();
    expect(refused).toMatchObject({ state: 'failed', status: 415, code: 'ATTACHMENT_TYPE_REFUSED' });
    expect(retryable(refused!)).toBe(false);
    expect(failureText(strings.en, refused!)).toBe('This kind of file is not accepted. (ATTACHMENT_TYPE_REFUSED)');
    expect(failureText(strings.ar, { ...refused!, status: 413, code: 'PAYLOAD_TOO_LARGE' })).toBe('الملف كبير جدًا. (PAYLOAD_TOO_LARGE)');
    expect(lost).toMatchObject({ state: 'failed', status: 0 });
    expect(failureText(strings.en, lost!)).toBe('Upload failed.');
    expect(uploads.take()).toBeNull();

    uploads.retry(refused!.key);
    expect(calls).toHaveLength(2);
    uploads.retry(lost!.key);
    expect(calls).toHaveLength(3);
    expect(states(uploads)).toEqual(['fake.png:failed', 'b.png:uploading']);
    calls[2]!.resolve(meta('u2', 'b.png'));
    await settled();
    uploads.remove(refused!.key);
    expect(uploads.take()?.map((a) => a.id)).toEqual(['u2']);
  });

  it('when a chip is removed while uploading, then its late answer is ignored', async () => {
    const { uploads, calls, changes } = pending();
    uploads.add([file('a.png', 'image/png')]);
    uploads.remove(uploads.list()[0]!.key);
    const before = changes();
    calls[0]!.resolve(meta('u1', 'a.png'));
    await settled();
    expect(uploads.list()).toEqual([]);
    expect(changes()).toBe(before);
    expect(uploads.take()).toEqual([]);
  });
});
