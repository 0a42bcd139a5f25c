import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { Callback, Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { useNow } from '../hooks/use-live-status';
import { useModalDialog } from '../hooks/use-modal-dialog';
import { describeServerError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import {
  browserTimeZone, checkCallbackForm, dateAndTimeIn, formatWindow, initialCallbackForm, phoneOfContact, timeZoneChoices, type CallbackForm,
  type CallbackFormProblem,
} from '../state/callbacks';

export interface ScheduleCallbackDialogProps {
  conversation: Conversation;
  onClose: () => void;
  /** The server accepted it. */
  onScheduled: (callback: Callback) => void;
}

/** Which input a problem belongs to (it is marked invalid and described by the message). */
const fieldOf: Record<CallbackFormProblem, keyof CallbackForm | 'window'> = {
  phoneRequired: 'phone', phoneTooLong: 'phone', dateRequired: 'date', timeRequired: 'window', zoneInvalid: 'timeZone', endBeforeStart: 'window',
  inPast: 'window', tooLong: 'window', tooFarAhead: 'date', noteTooLong: 'note',
};

/**
 * Promise the customer a call: their number (from the contact when known), a date and a from–to window in
 * their time zone (the browser's by default), and an optional note for whoever calls.
 */
export function ScheduleCallbackDialog({ conversation, onClose, onScheduled }: ScheduleCallbackDialogProps) {
  const { t, lang } = useI18n();
  const { api, contact } = useConsole();
  const dialog = useModalDialog();
  const myZone = useMemo(() => browserTimeZone(), []);
  const now = useNow(30_000);
  const zones = useMemo(() => timeZoneChoices(myZone), [myZone]);
  const known = contact(conversation.contactId);
  const [form, setForm] = useState<CallbackForm>(() => initialCallbackForm(phoneOfContact(known), myZone, new Date(now)));
  const [phoneTouched, setPhoneTouched] = useState(false);
  const [problem, setProblem] = useState<CallbackFormProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = {
    title: useId(), phone: useId(), phoneHint: useId(), date: useId(), from: useId(), to: useId(), zone: useId(), zoneHint: useId(), note: useId(),
    problem: useId(), preview: useId(),
  };

  // The contact may not be loaded yet: fill the phone in when it arrives, unless the agent typed one.
  useEffect(() => {
    if (known || phoneTouched) return;
    const abort = new AbortController();
    api.contact(conversation.contactId, abort.signal).then(
      (c) => setForm((f) => (f.phone ? f : { ...f, phone: phoneOfContact(c) })),
      () => undefined,
    );
    return () => abort.abort();
  }, [api, conversation.contactId, known, phoneTouched]);

  const set = (patch: Partial<CallbackForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblem(null);
    setError(null);
  };

  const check = checkCallbackForm(form, new Date(now), { contactId: conversation.contactId, teamId: conversation.teamId, language: conversation.language });
  const preview = check.ok && form.timeZone !== myZone ? formatWindow(check.body.windowStart, check.body.windowEnd, myZone, lang) : null;
  const today = dateAndTimeIn(new Date(now), form.timeZone || myZone).date;
  const lastDay = dateAndTimeIn(new Date(now + 14 * 86_400_000), form.timeZone || myZone).date;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const current = checkCallbackForm(form, new Date(), { contactId: conversation.contactId, teamId: conversation.teamId, language: conversation.language });
    if (!current.ok) {
      setProblem(current.problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onScheduled(await api.createCallback(current.body));
    } catch (failure) {
      setError(t('callbacks.failed', { message: describeServerError(t, failure) }));
      setBusy(false);
    }
  };

  const invalid = (field: keyof CallbackForm | 'window') => problem !== null && fieldOf[problem] === field;
  const describedBy = (field: keyof CallbackForm | 'window', ...more: string[]) => [...more, ...(invalid(field) ? [ids.problem] : [])].join(' ') || undefined;

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={ids.title} data-testid="callback-dialog" onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}>
      <form onSubmit={submit} noValidate>
        <h2 id={ids.title}>{t('callbackForm.title', { number: conversation.number })}</h2>
        <div className="field">
          <label htmlFor={ids.phone}>{t('callbackForm.phone')}</label>
          <input
            id={ids.phone} type="tel" dir="ltr" autoComplete="off" inputMode="tel" maxLength={40} required value={form.phone}
            aria-invalid={invalid('phone')} aria-describedby={describedBy('phone', ids.phoneHint)} data-testid="callback-phone"
            onChange={(e) => {
              setPhoneTouched(true);
              set({ phone: e.target.value });
            }}
          />
          <p id={ids.phoneHint} className="hint">
            {t('callbackForm.phoneHint')}
          </p>
        </div>
        <fieldset className="plain-fieldset">
          <legend>{t('callbackForm.window')}</legend>
          <div className="window-row">
            <span className="field">
              <label htmlFor={ids.date}>{t('callbackForm.date')}</label>
              <input
                id={ids.date} type="date" required min={today} max={lastDay} value={form.date} aria-invalid={invalid('date')}
                aria-describedby={describedBy('date')} data-testid="callback-date" onChange={(e) => set({ date: e.target.value })}
              />
            </span>
            <span className="field">
              <label htmlFor={ids.from}>{t('callbackForm.from')}</label>
              <input
                id={ids.from} type="time" required value={form.from} aria-invalid={invalid('window')} aria-describedby={describedBy('window')}
                data-testid="callback-from" onChange={(e) => set({ from: e.target.value })}
              />
            </span>
            <span className="field">
              <label htmlFor={ids.to}>{t('callbackForm.to')}</label>
              <input
                id={ids.to} type="time" required value={form.to} aria-invalid={invalid('window')} aria-describedby={describedBy('window')}
                data-testid="callback-to" onChange={(e) => set({ to: e.target.value })}
              />
            </span>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={ids.zone}>{t('callbackForm.zone')}</label>
          <select
            id={ids.zone} dir="ltr" value={form.timeZone} aria-invalid={invalid('timeZone')} aria-describedby={describedBy('timeZone', ids.zoneHint, ...(preview ? [ids.preview] : []))}
            data-testid="callback-zone" onChange={(e) => set({ timeZone: e.target.value })}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <p id={ids.zoneHint} className="hint">
            {t('callbackForm.zoneHint', { zone: myZone })}
          </p>
          {preview && (
            <p id={ids.preview} className="hint" data-testid="callback-preview">
              {t('callbackForm.preview', { window: preview })}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.note}>{t('callbackForm.note')}</label>
          <textarea
            id={ids.note} dir="auto" rows={2} maxLength={2000} value={form.note} aria-invalid={invalid('note')} aria-describedby={describedBy('note')}
            data-testid="callback-note" onChange={(e) => set({ note: e.target.value })}
          />
        </div>
        {problem && (
          <p id={ids.problem} className="form-error" role="alert" data-testid="callback-problem">
            {t(`callbackForm.problem.${problem}`)}
          </p>
        )}
        {error && !problem && (
          <p className="form-error" role="alert" data-testid="callback-error">
            {error}
          </p>
        )}
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('callbackForm.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="callback-submit" disabled={busy}>
            {t('callbackForm.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
