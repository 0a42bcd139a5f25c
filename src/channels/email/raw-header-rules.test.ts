import { describe, expect, it } from 'vitest';
import { firstHeader, headerBlock, rawMessageId } from './raw-header-rules.ts';

const mail = (headers: string, body = 'hello') => Buffer.from(`${headers}\r\n\r\n${body}`, 'latin1');

describe('a first look at raw mail', () => {
  it('given a Message-ID in brackets, when scanned, then the id comes back without them', () => {
    expect(rawMessageId(mail('From: a@x\r\nMessage-ID: <abc.123@mail.example>\r\nSubject: hi'))).toBe('abc.123@mail.example');
  });

  it('given a folded Message-ID header in lower case with LF line ends, when scanned, then it is found', () => {
    expect(rawMessageId(Buffer.from('from: a@x\nmessage-id:\n <folded@x.example>\n\nbody'))).toBe('folded@x.example');
  });

  it('given no Message-ID, or a nonsense one, when scanned, then there is none (stored without dedupe)', () => {
    expect(rawMessageId(mail('From: a@x'))).toBeNull();
    expect(rawMessageId(mail('Message-ID: <no at sign>'))).toBeNull();
    expect(rawMessageId(mail(`Message-ID: <${'a'.repeat(300)}@x>`))).toBeNull();
  });

  it('given a Message-ID header only in the body, when scanned, then it is not taken', () => {
    expect(rawMessageId(mail('From: a@x', 'Message-ID: <in-body@x>'))).toBeNull();
  });

  it('given a header block without an end, when scanned, then only the first bytes are read', () => {
    const huge = Buffer.alloc(1024 * 1024, 0x61);
    expect(headerBlock(huge).length).toBe(256 * 1024);
    expect(firstHeader('Subject: x\r\nX-A: 1', 'x-a')).toBe('1');
  });
});
