import { ApiError } from '../api/http';
import type { Attachment } from '../api/types';

/** What Sanad accepts (docs/chat-protocol.md, "Attachments"); the server checks again from the bytes. */
export const attachmentTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachmentsPerMessage = 5;

const byExtension: Record<string, AttachmentType> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', jfif: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf',
};

/** The file picker's `accept`: the types, and their extensions for systems that do not know a file's type. */
export const attachmentAccept = [...attachmentTypes, ...Object.keys(byExtension).map((e) => `.${e}`)].join(',');

const isAllowed = (type: string): type is AttachmentType => (attachmentTypes as readonly string[]).includes(type);

/**
 * The type to upload a file as: its own type when that is allowed; from its extension when the
 * browser does not know the type; null when it is not a picture or PDF.
 */
export function attachmentTypeOf(file: { name: string; type: string }): AttachmentType | null {
  const type = file.type.split(';')[0]!.trim().toLowerCase();
  if (type === 'image/jpg' || type === 'image/pjpeg') return 'image/jpeg';
  if (isAllowed(type)) return type;
  if (type !== '' && type !== 'application/octet-stream') return null;
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  return extension ? (byExtension[extension] ?? null) : null;
}

export type AttachmentKind = 'image' | 'pdf' | 'file';

/** How the console shows an attachment: pictures as thumbnails, the rest as links. */
export function attachmentKind(contentType: string): AttachmentKind {
  if (contentType.startsWith('image/') && isAllowed(contentType)) return 'image';
  if (contentType === 'application/pdf') return 'pdf';
  return 'file';
}

export interface FileLike {
  name: string;
  type: string;
  size: number;
}

export type FileProblemReason = 'type' | 'size' | 'empty' | 'tooMany';

export interface FileProblem {
  name: string;
  reason: FileProblemReason;
}

export interface CheckedFiles<F extends FileLike> {
  accepted: { file: F; contentType: AttachmentType }[];
  problems: FileProblem[];
}

/** Picks the files that may be uploaded, in order, next to the `alreadyAttached` ones; says why each other one may not. */
export function checkFiles<F extends FileLike>(files: readonly F[], alreadyAttached: number): CheckedFiles<F> {
  const accepted: CheckedFiles<F>['accepted'] = [];
  const problems: FileProblem[] = [];
  for (const file of files) {
    const contentType = attachmentTypeOf(file);
    if (!contentType) problems.push({ name: file.name, reason: 'type' });
    else if (file.size === 0) problems.push({ name: file.name, reason: 'empty' });
    else if (file.size > maxAttachmentBytes) problems.push({ name: file.name, reason: 'size' });
    else if (alreadyAttached + accepted.length >= maxAttachmentsPerMessage) problems.push({ name: file.name, reason: 'tooMany' });
    else accepted.push({ file, contentType });
  }
  return { accepted, problems };
}

/** An upload the agent picked for the next message. */
export interface UploadChip {
  /** Local key (the attachment id is known only once it is uploaded). */
  key: string;
  name: string;
  size: number;
  contentType: AttachmentType;
  state: 'uploading' | 'ready' | 'failed';
  attachment?: Attachment;
  /** An error code (translated as `error.<code>` when known) and the server's words for it. */
  error?: { code: string; message: string };
}

export type UploadAction =
  | { type: 'add'; chips: readonly UploadChip[] }
  | { type: 'uploaded'; key: string; attachment: Attachment }
  | { type: 'failed'; key: string; code: string; message: string }
  | { type: 'retrying'; key: string }
  | { type: 'remove'; key: string }
  | { type: 'clear' };

export function uploadsReducer(state: readonly UploadChip[], action: UploadAction): readonly UploadChip[] {
  const update = (key: string, change: (chip: UploadChip) => UploadChip) => {
    const index = state.findIndex((c) => c.key === key);
    if (index < 0) return state;
    const next = [...state];
    next[index] = change(state[index]!);
    return next;
  };
  switch (action.type) {
    case 'add':
      return action.chips.length ? [...state, ...action.chips] : state;
    case 'uploaded':
      return update(action.key, (c) => (c.state === 'uploading' ? { ...withoutError(c), state: 'ready', attachment: action.attachment } : c));
    case 'failed':
      return update(action.key, (c) => (c.state === 'uploading' ? { ...c, state: 'failed', error: { code: action.code, message: action.message } } : c));
    case 'retrying':
      return update(action.key, (c) => (c.state === 'failed' ? { ...withoutError(c), state: 'uploading' } : c));
    case 'remove':
      return state.some((c) => c.key === action.key) ? state.filter((c) => c.key !== action.key) : state;
    case 'clear':
      return state.length ? [] : state;
  }
}

function withoutError(chip: UploadChip): UploadChip {
  const { error: _error, ...rest } = chip;
  return rest;
}

/** An upload's failure as a code the dictionary may know; a proxy's bare 413/415 still reads as too large / refused. */
export function uploadErrorOf(error: unknown): { code: string; message: string } {
  if (error instanceof ApiError) {
    if (error.code.startsWith('HTTP_') && error.status === 413) return { code: 'PAYLOAD_TOO_LARGE', message: error.message };
    if (error.code.startsWith('HTTP_') && error.status === 415) return { code: 'ATTACHMENT_TYPE_REFUSED', message: error.message };
    return { code: error.code, message: error.message };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) };
}

const finalUploadErrors = new Set(['PAYLOAD_TOO_LARGE', 'ATTACHMENT_TYPE_REFUSED', 'UNSUPPORTED_MEDIA_TYPE', 'VALIDATION_FAILED', 'FORBIDDEN']);

/** Whether trying the same upload again could work (a refused file will be refused again). */
export function canRetryUpload(chip: UploadChip): boolean {
  return chip.state === 'failed' && !finalUploadErrors.has(chip.error?.code ?? '');
}

export type SendBlock = 'empty' | 'uploading' | 'failed' | null;

/** Why the composer cannot send yet, or null when it can: text or a file, and every file uploaded. */
export function sendBlock(text: string, chips: readonly UploadChip[]): SendBlock {
  if (chips.some((c) => c.state === 'uploading')) return 'uploading';
  if (chips.some((c) => c.state === 'failed')) return 'failed';
  if (!text.trim() && chips.length === 0) return 'empty';
  return null;
}

/** The uploaded attachments, in the order the agent picked them. */
export function readyAttachments(chips: readonly UploadChip[]): Attachment[] {
  return chips.flatMap((c) => (c.state === 'ready' && c.attachment ? [c.attachment] : []));
}

/** A message needs a body: the agent's text, or else the files' names. */
export function messageBody(text: string, attachments: readonly Pick<Attachment, 'name'>[]): string {
  const body = text.trim();
  return body || attachments.map((a) => a.name).join(', ');
}
