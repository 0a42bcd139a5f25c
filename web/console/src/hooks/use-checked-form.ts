import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';

/**
 * A settings form checked twice: locally (the first problem found, with the field it names) and
 * by the server (its refusal, and the field it names when one can be told). Either way focus goes
 * to that field. Shared by the SLA calendar and policy forms.
 */
export interface CheckedFormOptions<F, I, P extends { field: string }, S> {
  initial: () => F;
  check: (form: F) => { input: I } | { problem: P };
  save: (input: I) => Promise<S>;
  onSaved: (saved: S) => void;
  /** The field a server refusal names, read from its message. */
  serverField: (message: string, form: F) => string | null;
  /** The line shown for a refusal. */
  failedText: (error: unknown) => string;
}

export function useCheckedForm<F, I, P extends { field: string }, S>(options: CheckedFormOptions<F, I, P, S>) {
  const [form, setForm] = useState<F>(options.initial);
  const [problem, setProblem] = useState<P | null>(null);
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const fid = (name: string) => `${id}-${name.replace(/\./g, '-')}`;
  const set = <K extends keyof F>(key: K, value: F[K]) => setForm((f) => ({ ...f, [key]: value }));
  const invalid = (field: string) => problem?.field === field || error?.field === field;
  const focus = (field: string) => document.getElementById(fid(field))?.focus();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const answer = options.check(form);
    if ('problem' in answer) {
      setProblem(answer.problem);
      focus(answer.problem.field);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      options.onSaved(await options.save(answer.input));
    } catch (e) {
      const field = e instanceof ApiError ? options.serverField(e.message, form) : null;
      setError({ message: options.failedText(e), field });
      if (field) focus(field);
    } finally {
      setBusy(false);
    }
  };

  return { form, set, problem, error, busy, id, fid, invalid, submit };
}
