/**
 * A first look at a raw mail before it is parsed: only what storing it needs (its Message-ID, to
 * store a mail once). Pure and bounded, because it runs before the SMTP 250 on untrusted bytes.
 */

/** Headers beyond this are not scanned here (the parser still sees the whole mail later). */
export const maxScannedHeaderBytes = 256 * 1024;

/** The header block as text: bytes up to the first empty line, read as latin1 so no byte is lost or rejected. */
export function headerBlock(raw: Uint8Array, maxBytes = maxScannedHeaderBytes): string {
  const end = Math.min(raw.length, maxBytes);
  for (let i = 0; i < end; i++) {
    // An empty line ends the headers: CRLF CRLF, or bare LF LF from sloppy senders.
    if (raw[i] === 0x0a && (raw[i + 1] === 0x0a || (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a))) {
      return Buffer.from(raw.subarray(0, i)).toString('latin1');
    }
  }
  return Buffer.from(raw.subarray(0, end)).toString('latin1');
}

/** The first value of a header (folded lines joined), or null. */
export function firstHeader(block: string, name: string): string | null {
  const lines = block.split(/\r?\n/);
  const wanted = name.toLowerCase() + ':';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.slice(0, wanted.length).toLowerCase() !== wanted) continue;
    let value = line.slice(wanted.length);
    for (let j = i + 1; j < lines.length && /^[ \t]/.test(lines[j] ?? ''); j++) value += ' ' + (lines[j] ?? '').trim();
    return value.trim();
  }
  return null;
}

/**
 * The Message-ID a mail declares, as `local@domain` without brackets, or null when it has none or
 * one that is not plausible (too long, spaces, no @): such mail is stored without deduplication
 * rather than wrongly merged with another.
 */
export function rawMessageId(raw: Uint8Array): string | null {
  const value = firstHeader(headerBlock(raw), 'message-id');
  if (!value) return null;
  const m = /<([^<>\s]{3,250})>/.exec(value) ?? /^([^<>\s]{3,250})$/.exec(value);
  const id = m?.[1] ?? null;
  return id && id.includes('@') ? id : null;
}
