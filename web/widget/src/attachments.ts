import type { Attachment } from './protocol.ts';
import { fill, type Strings } from './strings.ts';

/**
 * Files the visitor attaches before sending (docs/chat-protocol.md, Attachments), with no DOM and
 * no network: the client-side checks, and the chips' states (uploading, ready, failed). The server
 * reads the bytes and is the authority; these checks only spare a pointless upload.
 */

export const attachmentTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];
export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachments = 5;

/** What the checks need of a File (so tests can pass plain objects). */
export interface FileLike {
  name: string;
  size: number;
  type: string;
}

const byExtension: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf' };

/** The file's type as the browser says, or from its extension where the browser says nothing. */
export const typeOf = (file: FileLike): string => file.type || byExtension[file.name.split('.').pop()?.toLowerCase() ?? ''] || '';

export type Refusal = 'type' | 'size' | 'count';

/** Why a file cannot be attached, or null when it may be uploaded. */
export function checkFile(file: FileLike): Refusal | null {
  if (!attachmentTypes.includes(typeOf(file))) return 'type';
  if (file.size > maxAttachmentBytes) return 'size';
  return null;
}

/** The body of a message sent with files and no text (the server requires a body). */
export const fallbackBody = (files: readonly { name: string }[]): string => files.map((f) => f.name).join(', ');

/** "0.6 kB", "12 kB", "1.5 MB", in the panel's language. */
export function formatSize(bytes: number, locale: string): string {
  const mega = bytes >= 1024 * 1024;
  const n = Math.max(bytes / (mega ? 1024 * 1024 : 1024), bytes > 0 ? 0.1 : 0);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: n < 10 ? 1 : 0 }).format(n);
}

/** The sentence telling the visitor why a file was not taken. */
export const refusalText = (t: Strings, name: string, why: Refusal): string =>
  fill(why === 'type' ? t.fileType : why === 'size' ? t.fileSize : t.fileCount, { name });

export type ChipState = 'uploading' | 'ready' | 'failed';

export interface Chip<F extends FileLike = FileLike> {
  key: number;
  file: F;
  state: ChipState;
  /** the server's answer once ready */
  attachment?: Attachment;
  /** when failed: the HTTP status (0 for no answer) and the server's code and message */
  status?: number;
  code?: string;
  message?: string;
}

/** A failed upload worth trying again: not one the server refused for its size or type. */
export const retryable = (chip: Chip): boolean => chip.state === 'failed' && chip.status !== 413 && chip.status !== 415;

/** What a failed chip says: the reason in the visitor's language, and the server's code when it gave one. */
export function failureText(t: Strings, chip: Chip): string {
  const reason = chip.status === 413 ? t.tooLarge : chip.status === 415 ? t.notAllowed : t.uploadFailed;
  return chip.code ? `${reason} (${chip.code})` : reason;
}

type Upload<F> = (file: F) => Promise<Attachment>;

/**
 * The files waiting to go with the next message. `upload` rejects with an error carrying
 * `status`, `code` and `detail` (ApiError) when the server refuses; `changed` is called on every change.
 */
export class Uploads<F extends FileLike = FileLike> {
  private chips: Chip<F>[] = [];
  private next = 0;

  constructor(
    private readonly upload: Upload<F>,
    private readonly changed: () => void,
  ) {}

  list(): readonly Chip<F>[] {
    return this.chips;
  }

  /** Checks the files and starts uploading those that pass; returns the ones refused, and why. */
  add(files: readonly F[]): { file: F; why: Refusal }[] {
    const refused: { file: F; why: Refusal }[] = [];
    for (const file of files) {
      const why = checkFile(file) ?? (this.chips.length >= maxAttachments ? 'count' : null);
      if (why) refused.push({ file, why });
      else {
        const chip: Chip<F> = { key: this.next++, file, state: 'uploading' };
        this.chips.push(chip);
        this.start(chip);
      }
    }
    this.changed();
    return refused;
  }

  /** The visitor takes a file back (its upload, if still running, is then ignored). */
  remove(key: number): void {
    this.chips = this.chips.filter((c) => c.key !== key);
    this.changed();
  }

  retry(key: number): void {
    const chip = this.chips.find((c) => c.key === key);
    if (!chip || !retryable(chip)) return;
    this.start(chip);
    this.changed();
  }

  /**
   * The attachments for the message being sent, and the chips cleared; null (nothing cleared)
   * while a file is still uploading or has failed.
   */
  take(): Attachment[] | null {
    if (this.chips.some((c) => c.state !== 'ready')) return null;
    const taken = this.chips.map((c) => c.attachment as Attachment);
    this.clear();
    return taken;
  }

  clear(): void {
    if (this.chips.length === 0) return;
    this.chips = [];
    this.changed();
  }

  private start(chip: Chip<F>): void {
    chip.state = 'uploading';
    delete chip.status;
    delete chip.code;
    delete chip.message;
    this.upload(chip.file).then(
      (attachment) => this.settle(chip, { state: 'ready', attachment }),
      (error: { status?: number; code?: string; detail?: string }) =>
        this.settle(chip, { state: 'failed', status: error?.status ?? 0, code: error?.code, message: error?.detail }),
    );
  }

  private settle(chip: Chip<F>, result: Partial<Chip<F>>): void {
    if (!this.chips.includes(chip)) return;
    Object.assign(chip, result);
    this.changed();
  }
}
