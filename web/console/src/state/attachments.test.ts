import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import {
  attachmentAccept, attachmentKind, attachmentTypeOf, canRetryUpload, checkFiles, maxAttachmentBytes, messageBody, readyAttachments,
  sendBlock, uploadErrorOf, uploadsReducer, type UploadChip,
} from './attachments';

const file = (name: string, type: string, size = 100) => ({ name, type, size });
const chip = (key: string, extra: Partial<UploadChip> = {}): UploadChip => ({ key, name: `${key}.png`, size: 10, contentType: 'image/png', state: 'uploading', ...extra });
const meta = (id: string, name = `${id}.png`) => ({ id, name, contentType: 'image/png', size: 10 });

describe('attachmentTypeOf', () => {
  it('takes the allowed types as they are', () => {
    expect(attachmentTypeOf(file('a.png', 'image/png'))).toBe('image/png');
    expect(attachmentTypeOf(file('a.jpg', 'image/jpeg'))).toBe('image/jpeg');
    expect(attachmentTypeOf(file('a.gif', 'image/gif'))).toBe('image/gif');
    expect(attachmentTypeOf(file('a.webp', 'image/webp'))).toBe('image/webp');
    expect(attachmentTypeOf(file('فاتورة.pdf', 'application/pdf'))).toBe('application/pdf');
    expect(attachmentTypeOf(file('a.jpg', 'image/jpg'))).toBe('image/jpeg');
  });

  it('when the browser does not know the type, then it goes by the extension', () => {
    expect(attachmentTypeOf(file('scan.PDF', ''))).toBe('application/pdf');
    expect(attachmentTypeOf(file('photo.jpeg', 'application/octet-stream'))).toBe('image/jpeg');
    expect(attachmentTypeOf(file('notes.txt', ''))).toBeNull();
    expect(attachmentTypeOf(file('no-extension', ''))).toBeNull();
  });

  it('refuses other types, whatever the extension says', () => {
    expect(attachmentTypeOf(file('logo.svg', 'image/svg+xml'))).toBeNull();
    expect(attachmentTypeOf(file('evil.png', 'text/html'))).toBeNull();
    expect(attachmentTypeOf(file('doc.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).toBeNull();
  });

  it('offers the picker the same types and their extensions', () => {
    expect(attachmentAccept.split(',')).toEqual(expect.arrayContaining(['image/png', 'application/pdf', '.pdf', '.jpg', '.webp']));
  });
});

describe('attachmentKind', () => {
  it('shows pictures as thumbnails and PDFs as links', () => {
    expect(attachmentKind('image/png')).toBe('image');
    expect(attachmentKind('image/webp')).toBe('image');
    expect(attachmentKind('application/pdf')).toBe('pdf');
    expect(attachmentKind('image/svg+xml')).toBe('file');
    expect(attachmentKind('text/plain')).toBe('file');
  });
});

describe('checkFiles', () => {
  it('accepts allowed files and says why each other one is refused', () => {
    const files = [
      file('ok.png', 'image/png'), file('script.js', 'text/javascript'), file('empty.pdf', 'application/pdf', 0),
      file('huge.pdf', 'application/pdf', maxAttachmentBytes + 1), file('edge.pdf', 'application/pdf', maxAttachmentBytes),
    ];
    const checked = checkFiles(files, 0);
    expect(checked.accepted.map((a) => [a.file.name, a.contentType])).toEqual([['ok.png', 'image/png'], ['edge.pdf', 'application/pdf']]);
    expect(checked.problems).toEqual([
      { name: 'script.js', reason: 'type' }, { name: 'empty.pdf', reason: 'empty' }, { name: 'huge.pdf', reason: 'size' },
    ]);
  });

  it('when more than five would be attached, then the extra ones are left out', () => {
    const files = ['a', 'b', 'c'].map((n) => file(`${n}.png`, 'image/png'));
    const checked = checkFiles(files, 3);
    expect(checked.accepted.map((a) => a.file.name)).toEqual(['a.png', 'b.png']);
    expect(checked.problems).toEqual([{ name: 'c.png', reason: 'tooMany' }]);
  });

  it('keeps the caller’s file objects', () => {
    const original = file('a.png', 'image/png');
    expect(checkFiles([original], 0).accepted[0]!.file).toBe(original);
  });
});

describe('uploadsReducer', () => {
  it('goes uploading → ready with the attachment', () => {
    let state = uploadsReducer([], { type: 'add', chips: [chip('a'), chip('b')] });
    state = uploadsReducer(state, { type: 'uploaded', key: 'a', attachment: meta('id-a') });
    expect(state.map((c) => c.state)).toEqual(['ready', 'uploading']);
    expect(state[0]!.attachment).toEqual(meta('id-a'));
  });

  it('goes uploading → failed → uploading again on retry, forgetting the error', () => {
    let state = uploadsReducer([chip('a')], { type: 'failed', key: 'a', code: 'NETWORK', message: 'down' });
    expect(state[0]).toMatchObject({ state: 'failed', error: { code: 'NETWORK', message: 'down' } });
    state = uploadsReducer(state, { type: 'retrying', key: 'a' });
    expect(state[0]!.state).toBe('uploading');
    expect(state[0]!.error).toBeUndefined();
    state = uploadsReducer(state, { type: 'uploaded', key: 'a', attachment: meta('id-a') });
    expect(state[0]!.state).toBe('ready');
  });

  it('ignores answers for removed chips and out-of-order transitions', () => {
    const state = [chip('a', { state: 'ready', attachment: meta('id-a') })];
    expect(uploadsReducer(state, { type: 'uploaded', key: 'gone', attachment: meta('x') })).toBe(state);
    expect(uploadsReducer(state, { type: 'failed', key: 'a', code: 'NETWORK', message: '' })).toEqual(state);
    expect(uploadsReducer(state, { type: 'retrying', key: 'a' })).toEqual(state);
  });

  it('removes one chip, or all of them', () => {
    const state = [chip('a'), chip('b')];
    expect(uploadsReducer(state, { type: 'remove', key: 'a' }).map((c) => c.key)).toEqual(['b']);
    expect(uploadsReducer(state, { type: 'clear' })).toEqual([]);
    const empty: UploadChip[] = [];
    expect(uploadsReducer(empty, { type: 'clear' })).toBe(empty);
  });
});

describe('uploadErrorOf and canRetryUpload', () => {
  it('reads the server’s code, and a bare 413 or 415 as too large or refused', () => {
    expect(uploadErrorOf(new ApiError(415, 'ATTACHMENT_TYPE_REFUSED', 'no'))).toEqual({ code: 'ATTACHMENT_TYPE_REFUSED', message: 'no' });
    expect(uploadErrorOf(new ApiError(413, 'HTTP_413', 'Payload Too Large')).code).toBe('PAYLOAD_TOO_LARGE');
    expect(uploadErrorOf(new ApiError(415, 'HTTP_415', 'Unsupported')).code).toBe('ATTACHMENT_TYPE_REFUSED');
    expect(uploadErrorOf(new ApiError(0, 'NETWORK', 'down')).code).toBe('NETWORK');
    expect(uploadErrorOf(new Error('boom'))).toEqual({ code: 'NETWORK', message: 'boom' });
  });

  it('offers a retry when trying again could work', () => {
    const failed = (code: string) => chip('a', { state: 'failed', error: { code, message: '' } });
    expect(canRetryUpload(failed('NETWORK'))).toBe(true);
    expect(canRetryUpload(failed('INTERNAL'))).toBe(true);
    expect(canRetryUpload(failed('PAYLOAD_TOO_LARGE'))).toBe(false);
    expect(canRetryUpload(failed('ATTACHMENT_TYPE_REFUSED'))).toBe(false);
    expect(canRetryUpload(chip('a'))).toBe(false);
  });
});

describe('sending with files', () => {
  it('can send text alone, files alone, or both — once every file has uploaded', () => {
    expect(sendBlock('', [])).toBe('empty');
    expect(sendBlock('   ', [])).toBe('empty');
    expect(sendBlock('hi', [])).toBeNull();
    expect(sendBlock('', [chip('a', { state: 'ready', attachment: meta('a') })])).toBeNull();
    expect(sendBlock('hi', [chip('a', { state: 'ready', attachment: meta('a') }), chip('b')])).toBe('uploading');
    expect(sendBlock('hi', [chip('a', { state: 'failed', error: { code: 'NETWORK', message: '' } })])).toBe('failed');
  });

  it('sends the uploaded attachments in the order they were picked', () => {
    const chips = [chip('a', { state: 'ready', attachment: meta('id-a') }), chip('b', { state: 'ready', attachment: meta('id-b') })];
    expect(readyAttachments(chips).map((a) => a.id)).toEqual(['id-a', 'id-b']);
  });

  it('uses the text as the body, or the file names when there is no text', () => {
    expect(messageBody('  here you go  ', [meta('a')])).toBe('here you go');
    expect(messageBody('', [meta('a', 'receipt.pdf'), meta('b', 'صورة.png')])).toBe('receipt.pdf, صورة.png');
    expect(messageBody(' ', [])).toBe('');
  });
});
