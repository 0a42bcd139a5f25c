/**
 * Hostile mail too large to commit: made by code for the corpus test (the committed corpus stays
 * small). Each returns the raw bytes of one mail.
 */
import { deflateRawSync } from 'node:zlib';

const head = (subject: string, contentType = 'text/plain; charset=utf-8') =>
  `From: Attacker <attacker@example.net>\r\nTo: support@sanad.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject.slice(0, 20).replace(/\W/g, '')}@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}\r\n`;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A one-file zip whose entry inflates to `expandedBytes` of zeros (about a thousand times its size). */
export function zipBomb(expandedBytes: number): Buffer {
  const data = Buffer.alloc(expandedBytes);
  const packed = deflateRawSync(data, { level: 9 });
  const name = Buffer.from('zeros.bin');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12); end.writeUInt32LE(30 + name.length + packed.length, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

const base64Lines = (buf: Buffer) => buf.toString('base64').replace(/.{76}/g, '$&\r\n');

export const hostileFixtures: Record<string, () => Buffer> = {
  'generated-200kb-subject-line': () => Buffer.from(`${head(`Refund ${'A'.repeat(200 * 1024)}`)}\r\nbody\r\n`),
  'generated-200kb-header-no-spaces': () => Buffer.from(`${head('long header')}X-Junk: ${'=?utf-8?B?QQ==?='.repeat(13_000)}\r\n\r\nbody\r\n`),
  'generated-10000-headers': () => {
    const junk = Array.from({ length: 10_000 }, (_, i) => `X-Filler-${i}: ${'v'.repeat(40)}\r\n`).join('');
    // The real Subject comes after the flood: it must survive the header budget.
    return Buffer.from(`From: a@example.net\r\n${junk}Subject: after the flood\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script><p>hi</p>\r\n`);
  },
  'generated-500-nested-multiparts': () => {
    let open = '';
    let close = '';
    for (let i = 0; i < 500; i++) {
      open += `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`;
      close = `--b${i}--\r\n${close}`;
    }
    const leaf = `--b500\r\nContent-Type: text/html\r\n\r\n<img src=x onerror=alert(1)>deep\r\n--b500--\r\n`;
    return Buffer.from(`${head('nested', 'multipart/mixed; boundary="b0"')}\r\n${open}${leaf}${close}`);
  },
  'generated-200000-parts': () => {
    const part = '--p\r\nContent-Type: text/plain\r\n\r\nx\r\n';
    return Buffer.from(`${head('parts', 'multipart/mixed; boundary="p"')}\r\n${part.repeat(200_000)}--p--\r\n`);
  },
  'generated-huge-base64-attachment': () => {
    const content = Buffer.alloc(8 * 1024 * 1024, 0x5a);
    return Buffer.from(`${head('big', 'multipart/mixed; boundary="h"')}\r\n--h\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--h\r\nContent-Type: application/octet-stream; name="big.bin"\r\nContent-Disposition: attachment; filename="big.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(content)}\r\n--h--\r\n`);
  },
  'generated-zip-bomb-32mb': () =>
    Buffer.from(`${head('zip', 'multipart/mixed; boundary="z"')}\r\n--z\r\nContent-Type: text/plain\r\n\r\nlogs\r\n--z\r\nContent-Type: application/zip; name="logs.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(zipBomb(32 * 1024 * 1024))}\r\n--z--\r\n`),
  'generated-100000-nested-divs': () => Buffer.from(`${head('divs', 'text/html')}\r\n${'<div>'.repeat(100_000)}<script>alert(1)</script>${'</div>'.repeat(100_000)}\r\n`),
  'generated-unclosed-tags-flood': () => Buffer.from(`${head('tags', 'text/html')}\r\n${'<b><i><table><tr><td><a href="javascript:alert(1)">'.repeat(5_000)}\r\n`),
  'generated-1000-attachments': () => {
    const part = (i: number) => `--a\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="f${i}.pdf"\r\n\r\n%PDF\r\n`;
    return Buffer.from(`${head('attachments', 'multipart/mixed; boundary="a"')}\r\n--a\r\nContent-Type: text/plain\r\n\r\nmany\r\n${Array.from({ length: 1000 }, (_, i) => part(i)).join('')}--a--\r\n`);
  },
};
