import { useEffect, useId, useImperativeHandle, useRef, useState, type ClipboardEvent, type DragEvent, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import type { Attachment } from '../api/types';
import { useConsole } from '../console-context';
import { useLatest } from '../hooks/use-live-status';
import { useUploads } from '../hooks/use-uploads';
import { useI18n } from '../i18n/i18n-context';
import { attachmentAccept, checkFiles, maxAttachmentsPerMessage, messageBody, readyAttachments, sendBlock, type FileProblem } from '../state/attachments';
import { UploadChips } from './UploadChips';

export type ComposerMode = 'agent' | 'note';

export interface ComposerHandle {
  /** Focuses the text box in this mode; false when the composer cannot take text (closed conversation). */
  focus: (mode: ComposerMode) => boolean;
  /** Opens the file picker; false when the composer cannot take files (closed conversation, or full). */
  attach: () => boolean;
}

export interface ComposerProps {
  ref: Ref<ComposerHandle>;
  conversationId: string;
  closed: boolean;
  onSend: (kind: ComposerMode, body: string, attachments: Attachment[]) => void;
  onTyping: (typing: boolean) => void;
}

/** Unsent text (and the mode) per conversation, so moving between conversations keeps each draft. */
const drafts = new Map<string, { text: string; mode: ComposerMode }>();

/** The reply box, with an internal-note mode that is styled like the notes it makes, and files to send with either. */
export function Composer({ ref, conversationId, closed, onSend, onTyping }: ComposerProps) {
  const { t } = useI18n();
  const { api } = useConsole();
  const uploads = useUploads(api, conversationId);
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const blockId = useId();
  const saved = drafts.get(conversationId);
  const [mode, setMode] = useState<ComposerMode>(saved?.mode ?? 'agent');
  const [text, setText] = useState(saved?.text ?? '');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const typingSince = useRef<number | null>(null);
  const typingStop = useRef<number | null>(null);
  const hintId = useId();
  const textId = useId();

  // The mode is kept with picked files too, so files meant for a note never come back as a reply.
  const hasChips = uploads.chips.length > 0;
  useEffect(() => {
    if (text || hasChips) drafts.set(conversationId, { text, mode });
    else drafts.delete(conversationId);
  }, [conversationId, text, mode, hasChips]);

  const stopTyping = () => {
    if (typingStop.current !== null) window.clearTimeout(typingStop.current);
    typingStop.current = null;
    if (typingSince.current !== null) onTyping(false);
    typingSince.current = null;
  };

  // Leaving the conversation ends "typing".
  const latestStop = useLatest(stopTyping);
  useEffect(() => () => latestStop.current(), [latestStop]);

  useImperativeHandle(ref, () => ({
    focus: (next) => {
      if (closed) return false;
      setMode(next);
      if (next === 'note') stopTyping();
      textarea.current?.focus();
      return true;
    },
    attach: () => {
      if (closed || uploads.chips.length >= maxAttachmentsPerMessage) return false;
      fileInput.current?.click();
      return true;
    },
  }));

  const addFiles = (files: readonly File[]) => {
    if (files.length === 0) return;
    const checked = checkFiles(files, uploads.chips.length);
    setProblems(checked.problems);
    uploads.add(checked.accepted);
  };

  const problemText = (p: FileProblem) => {
    switch (p.reason) {
      case 'type':
        return t('composer.fileType', { name: p.name });
      case 'size':
        return t('composer.fileSize', { name: p.name });
      case 'empty':
        return t('composer.fileEmpty', { name: p.name });
      case 'tooMany':
        return t('composer.fileTooMany', { name: p.name, max: maxAttachmentsPerMessage });
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    addFiles(files);
  };

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent<HTMLFormElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    addFiles([...event.dataTransfer.files]);
  };

  const noteTyping = (value: string) => {
    if (mode !== 'agent' || !value.trim()) return stopTyping();
    const now = performance.now();
    // Tell the customer at most every 3 s, and that we stopped after 4 s without a key.
    if (typingSince.current === null || now - typingSince.current > 3_000) {
      typingSince.current = now;
      onTyping(true);
    }
    if (typingStop.current !== null) window.clearTimeout(typingStop.current);
    typingStop.current = window.setTimeout(stopTyping, 4_000);
  };

  const block = sendBlock(text, uploads.chips);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (block || closed) return;
    const attachments = readyAttachments(uploads.chips);
    const body = messageBody(text, attachments);
    if (!body) return;
    stopTyping();
    onSend(mode, body, attachments);
    setText('');
    uploads.clear();
    setProblems([]);
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      event.currentTarget.blur();
    }
  };

  if (closed) {
    return (
      <p className="composer composer--closed" data-testid="composer-closed">
        {t('composer.closed')}
      </p>
    );
  }

  const note = mode === 'note';
  const full = uploads.chips.length >= maxAttachmentsPerMessage;
  const blockText = block === 'uploading' ? t('composer.waitUploads') : block === 'failed' ? t('composer.fixUploads') : null;
  return (
    <form
      className={`composer${note ? ' composer--note' : ''}${dragging ? ' composer--dragging' : ''}`} onSubmit={submit} aria-label={t('composer.label')} data-mode={mode}
      onDragOver={onDragOver} onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }} onDrop={onDrop}
    >
      <div className="composer__modes" role="group" aria-label={t('composer.label')}>
        <button
          type="button" className="composer__mode" aria-pressed={!note} data-testid="reply-mode" aria-keyshortcuts="r"
          onClick={() => {
            setMode('agent');
            textarea.current?.focus();
          }}
        >
          {t('composer.reply')}
        </button>
        <button
          type="button" className="composer__mode composer__mode--note" aria-pressed={note} data-testid="note-toggle" aria-keyshortcuts="n"
          onClick={() => {
            setMode(note ? 'agent' : 'note');
            if (!note) stopTyping();
            textarea.current?.focus();
          }}
        >
          {t('composer.note')}
        </button>
      </div>
      <label htmlFor={textId} className="composer__label">
        {note ? t('composer.noteLabel') : t('composer.replyLabel')}
      </label>
      <textarea
        id={textId} ref={textarea} data-testid="reply-textarea" dir="auto" rows={3} value={text} aria-describedby={hintId}
        placeholder={note ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          noteTyping(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={stopTyping}
        onPaste={onPaste}
      />
      {problems.length > 0 && (
        <div className="form-error composer__problems" role="alert" data-testid="attach-error">
          <ul>
            {problems.map((p, i) => (
              <li key={`${i}:${p.name}`} dir="auto">
                {problemText(p)}
              </li>
            ))}
          </ul>
          <button type="button" className="button button--small button--ghost" onClick={() => setProblems([])}>
            {t('composer.dismiss')}
          </button>
        </div>
      )}
      <UploadChips chips={uploads.chips} onRetry={uploads.retry} onRemove={uploads.remove} />
      <div className="composer__footer">
        <input
          ref={fileInput} type="file" multiple accept={attachmentAccept} hidden tabIndex={-1} data-testid="attach-input"
          onChange={(e) => {
            addFiles([...(e.target.files ?? [])]);
            // The same file can be picked again (after removing it, say).
            e.target.value = '';
          }}
        />
        <button
          type="button" className="button composer__attach" data-testid="attach-button" aria-keyshortcuts="a" disabled={full}
          title={full ? t('composer.attachFull', { max: maxAttachmentsPerMessage }) : t('composer.attachTitle', { max: maxAttachmentsPerMessage })}
          onClick={() => fileInput.current?.click()}
        >
          <svg className="composer__attach-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <path
              d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9"
              fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round"
            />
          </svg>
          {t('composer.attach')}
        </button>
        <span id={hintId} className="hint">
          {t('composer.hint')}
        </span>
        <span id={blockId} className="composer__block" role="status">
          {blockText}
        </span>
        <button
          type="submit" className={`button ${note ? 'button--note' : 'button--primary'}`} data-testid="send-button" disabled={block !== null}
          aria-describedby={blockText ? blockId : undefined}
        >
          {note ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
    </form>
  );
}
