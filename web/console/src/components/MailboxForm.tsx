import { useId, useState, type FormEvent } from 'react';
import type { Mailbox } from '../api/types';
import { useConsole } from '../console-context';
import { describeServerError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { emptyMailboxForm, mailboxFormToInput, mailboxToForm, type MailboxForm as Form, type MailboxProblem } from '../state/mailbox-form';
import { FormButtons } from './FormButtons';
import { TeamOptions } from './TeamOptions';

export interface MailboxFormProps {
  /** null: a new mailbox. */
  mailbox: Mailbox | null;
  onSaved: (mailbox: Mailbox, created: boolean) => void;
  onCancel: () => void;
}

/** Add or edit a mailbox. The IMAP password is never prefilled; typed, it is sent; left empty, the stored one stays. */
export function MailboxForm({ mailbox, onSaved, onCancel }: MailboxFormProps) {
  const { t } = useI18n();
  const { api, teams } = useConsole();
  const [form, setForm] = useState<Form>(() => (mailbox ? mailboxToForm(mailbox) : emptyMailboxForm()));
  const [problem, setProblem] = useState<MailboxProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const fieldId = (name: keyof Form) => `${id}-${name}`;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const invalid = (name: keyof Form) => problem?.field === name;
  const keepsPassword = mailbox?.inbound === 'imap' && mailbox.hasImapPassword;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const answer = mailboxFormToInput(form, mailbox);
    if ('problem' in answer) {
      setProblem(answer.problem);
      document.getElementById(fieldId(answer.problem.field))?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const saved = mailbox ? await api.updateMailbox(mailbox.id, answer.input) : await api.createMailbox(answer.input);
      // The typed password is not kept in the page once it is stored.
      set('imapPassword', '');
      onSaved(saved, !mailbox);
    } catch (e) {
      setError(t('mailboxForm.failed', { message: describeServerError(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  const text = (name: keyof Form, label: string, props: { type?: string; dir?: 'ltr'; autoComplete?: string; hint?: string; inputMode?: 'numeric' } = {}) => (
    <div className="field">
      <label htmlFor={fieldId(name)}>{label}</label>
      <input
        id={fieldId(name)} type={props.type ?? 'text'} dir={props.dir} inputMode={props.inputMode} autoComplete={props.autoComplete ?? 'off'}
        value={form[name] as string} onChange={(e) => set(name, e.target.value as never)} aria-invalid={invalid(name)}
        aria-describedby={props.hint ? `${fieldId(name)}-hint` : undefined} data-testid={`mailbox-${name}`}
      />
      {props.hint && (
        <p id={`${fieldId(name)}-hint`} className="hint">
          {props.hint}
        </p>
      )}
    </div>
  );

  return (
    <form className="settings-form mailbox-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="mailbox-form">
      <h3 id={`${id}-title`}>{mailbox ? t('mailboxForm.editTitle', { address: mailbox.address }) : t('mailboxForm.newTitle')}</h3>
      {text('address', t('mailboxForm.address'), { type: 'email', dir: 'ltr' })}
      {text('name', t('mailboxForm.name'))}
      <div className="field">
        <label htmlFor={fieldId('teamId')}>{t('mailboxForm.team')}</label>
        <select id={fieldId('teamId')} value={form.teamId} onChange={(e) => set('teamId', e.target.value)} data-testid="mailbox-teamId">
          <option value="">{t('mailboxes.noTeam')}</option>
          <TeamOptions teams={teams} />
        </select>
      </div>
      <fieldset className="field mailbox-form__inbound">
        <legend>{t('mailboxForm.inbound')}</legend>
        {(['smtp', 'imap'] as const).map((kind) => (
          <label key={kind} className="check-field">
            <input type="radio" name={`${id}-inbound`} value={kind} checked={form.inbound === kind} onChange={() => set('inbound', kind)} data-testid={`mailbox-inbound-${kind}`} />{' '}
            {t(`mailboxForm.${kind}`)}
          </label>
        ))}
      </fieldset>
      {form.inbound === 'imap' && (
        <fieldset className="mailbox-form__imap" data-testid="mailbox-imap">
          <legend className="visually-hidden">IMAP</legend>
          {text('imapHost', t('mailboxForm.imapHost'), { dir: 'ltr' })}
          {text('imapPort', t('mailboxForm.imapPort'), { dir: 'ltr', inputMode: 'numeric' })}
          <label className="check-field">
            <input type="checkbox" checked={form.imapSecure} onChange={(e) => set('imapSecure', e.target.checked)} data-testid="mailbox-imapSecure" /> {t('mailboxForm.imapSecure')}
          </label>
          {text('imapUser', t('mailboxForm.imapUser'), { dir: 'ltr' })}
          {text('imapPassword', t('mailboxForm.imapPassword'), {
            type: 'password', dir: 'ltr', autoComplete: 'new-password', hint: keepsPassword ? t('mailboxForm.passwordKept') : t('mailboxForm.passwordNeeded'),
          })}
          {text('imapFolder', t('mailboxForm.imapFolder'), { dir: 'ltr' })}
          {text('imapPollSeconds', t('mailboxForm.imapPoll'), { dir: 'ltr', inputMode: 'numeric', hint: t('mailboxForm.imapPollHint') })}
        </fieldset>
      )}
      <label className="check-field">
        <input type="checkbox" checked={form.autoAcknowledge} onChange={(e) => set('autoAcknowledge', e.target.checked)} data-testid="mailbox-autoAcknowledge" />{' '}
        {t('mailboxForm.autoAck')}
      </label>
      {problem && (
        <p className="form-error" role="alert" data-testid="mailbox-problem">
          {t(`mailboxForm.problem.${problem.code}`)}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="mailbox-error">
          {error}
        </p>
      )}
      <FormButtons
        className="inline-form__buttons" busy={busy} submitLabel={busy ? t('mailboxForm.saving') : t('mailboxForm.save')} cancelLabel={t('mailboxForm.cancel')} onCancel={onCancel}
        submitTestId="mailbox-save" cancelTestId="mailbox-cancel"
      />
    </form>
  );
}
