import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { SanadApi } from '../api/sanad-api';
import { uploadErrorOf, uploadsReducer, type AttachmentType, type UploadAction, type UploadChip } from '../state/attachments';

const none: readonly UploadChip[] = [];

/**
 * The files picked for each conversation's next message. They live outside the composer, like its
 * text drafts, so an upload started in one conversation finishes (and is still there) after the
 * agent looks at another one.
 */
class UploadTrays {
  private readonly trays = new Map<string, readonly UploadChip[]>();
  private readonly files = new Map<string, Blob>();
  private readonly inFlight = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();
  private counter = 0;

  get(conversationId: string): readonly UploadChip[] {
    return this.trays.get(conversationId) ?? none;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(api: SanadApi, conversationId: string, files: readonly { file: Blob & { name: string }; contentType: AttachmentType }[]): void {
    const chips = files.map(({ file, contentType }): UploadChip => {
      const key = `upload-${++this.counter}`;
      this.files.set(key, file);
      return { key, name: file.name, size: file.size, contentType, state: 'uploading' };
    });
    this.dispatch(conversationId, { type: 'add', chips });
    for (const chip of chips) this.upload(api, conversationId, chip);
  }

  retry(api: SanadApi, conversationId: string, key: string): void {
    const chip = this.get(conversationId).find((c) => c.key === key);
    if (!chip || chip.state !== 'failed') return;
    this.dispatch(conversationId, { type: 'retrying', key });
    this.upload(api, conversationId, chip);
  }

  /** Takes a file off the next message (stopping its upload if it is still going). */
  remove(conversationId: string, key: string): void {
    this.inFlight.get(key)?.abort();
    this.forget(key);
    this.dispatch(conversationId, { type: 'remove', key });
  }

  /** The message was sent with these files: start the next one empty. */
  clear(conversationId: string): void {
    for (const chip of this.get(conversationId)) {
      this.inFlight.get(chip.key)?.abort();
      this.forget(chip.key);
    }
    this.dispatch(conversationId, { type: 'clear' });
  }

  private upload(api: SanadApi, conversationId: string, chip: UploadChip): void {
    const file = this.files.get(chip.key);
    if (!file) return;
    const abort = new AbortController();
    this.inFlight.set(chip.key, abort);
    api.uploadAttachment(file, chip.name, chip.contentType, abort.signal).then(
      (attachment) => {
        if (abort.signal.aborted) return;
        this.inFlight.delete(chip.key);
        this.dispatch(conversationId, { type: 'uploaded', key: chip.key, attachment });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.inFlight.delete(chip.key);
        this.dispatch(conversationId, { type: 'failed', key: chip.key, ...uploadErrorOf(error) });
      },
    );
  }

  private forget(key: string): void {
    this.inFlight.delete(key);
    this.files.delete(key);
  }

  private dispatch(conversationId: string, action: UploadAction): void {
    const current = this.get(conversationId);
    const next = uploadsReducer(current, action);
    if (next === current) return;
    if (next.length) this.trays.set(conversationId, next);
    else this.trays.delete(conversationId);
    // A file kept for retrying is no longer needed once it has uploaded.
    if (action.type === 'uploaded') this.files.delete(action.key);
    for (const listener of this.listeners) listener();
  }
}

const trays = new UploadTrays();

/** The files picked for this conversation's next message, and what the composer does with them. */
export function useUploads(api: SanadApi, conversationId: string) {
  const subscribe = useCallback((listener: () => void) => trays.subscribe(listener), []);
  const chips = useSyncExternalStore(subscribe, () => trays.get(conversationId));
  return useMemo(
    () => ({
      chips,
      add: (files: readonly { file: Blob & { name: string }; contentType: AttachmentType }[]) => trays.add(api, conversationId, files),
      retry: (key: string) => trays.retry(api, conversationId, key),
      remove: (key: string) => trays.remove(conversationId, key),
      clear: () => trays.clear(conversationId),
    }),
    [api, conversationId, chips],
  );
}
