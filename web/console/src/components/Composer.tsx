import { useEffect, useId, useImperativeHandle, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useLatest } from '../hooks/use-live-status';
import { useI18n } from '../i18n/i18n-context';

export type ComposerMode = 'agent' | 'note';

export interface ComposerHandle {
  /** Focuses the text box in this mode; false when the composer cannot take text (closed conversation). */
  focus: (mode: ComposerMode) => boolean;
}

export interface ComposerProps {
  ref: Ref<ComposerHandle>;
  conversationId: string;
  closed: boolean;
  onSend: (kind: ComposerMode, body: string) => void;
  onTyping: (typing: boolean) => void;
}

/** Unsent text per conversation, so moving between conversations keeps each draft. */
const drafts = new Map<string, { text: string; mode: ComposerMode }>();

/** The reply box, with an internal-note mode that is styled like the notes it makes. */
export function Composer({ ref, conversationId, closed, onSend, onTyping }: ComposerProps) {
  const { t } = useI18n();
  const saved = drafts.get(conversationId);
  const [mode, setMode] = useState<ComposerMode>(saved?.mode ?? 'agent');
  const [text, setText] = useState(saved?.text ?? '');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const typingSince = useRef<number | null>(null);
  const typingStop = useRef<number | null>(null);
  const hintId = useId();
  const textId = useId();

  useEffect(() => {
    if (text) drafts.set(conversationId, { text, mode });
    else drafts.delete(conversationId);
  }, [conversationId, text, mode]);

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
  }));

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

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const body = text.trim();
    if (!body || closed) return;
    stopTyping();
    onSend(mode, body);
    setText('');
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
  return (
    <form className={`composer${note ? ' composer--note' : ''}`} onSubmit={submit} aria-label={t('composer.label')} data-mode={mode}>
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
      />
      <div className="composer__footer">
        <span id={hintId} className="hint">
          {t('composer.hint')}
        </span>
        <button type="submit" className={`button ${note ? 'button--note' : 'button--primary'}`} data-testid="send-button" disabled={!text.trim()}>
          {note ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
    </form>
  );
}
