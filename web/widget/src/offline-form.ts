import { h } from './dom.ts';
import type { Strings } from './strings.ts';

export interface OfflineMessage {
  name: string;
  email: string;
  message: string;
}

/**
 * The "leave a message" form shown when no agent is online. `submit` resolves true when the
 * message was taken; the form then thanks the visitor instead of showing the fields again.
 */
export function createOfflineForm(t: Strings, prefill: { name?: string; email?: string }, submit: (m: OfflineMessage) => Promise<boolean>, backToChat: () => void): HTMLFormElement {
  const field = (label: string, control: HTMLInputElement | HTMLTextAreaElement) => h('label', { class: 'field' }, h('span', {}, label), control);
  const name = h('input', { name: 'name', required: true, autocomplete: 'name', dir: 'auto', maxlength: '200', 'data-testid': 'sanad-offline-name' });
  const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'email', dir: 'ltr', maxlength: '320', 'data-testid': 'sanad-offline-email' });
  const message = h('textarea', { name: 'message', required: true, rows: '5', dir: 'auto', maxlength: '5000', 'data-testid': 'sanad-offline-message' });
  name.value = prefill.name ?? '';
  email.value = prefill.email ?? '';
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'sanad-offline-status' });
  const button = h('button', { type: 'submit', class: 'primary', 'data-testid': 'sanad-offline-submit' }, t.submit);
  const back = h('button', { type: 'button', class: 'link' }, t.chatInstead);
  back.onclick = backToChat;
  const form = h('form', { class: 'offline-form', 'data-testid': 'sanad-offline-form' }, h('p', { class: 'intro', dir: 'auto' }, t.offlineIntro), field(t.name, name), field(t.email, email), field(t.message, message), status, button, back);
  form.onsubmit = async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    status.textContent = '';
    const ok = await submit({ name: name.value.trim(), email: email.value.trim(), message: message.value.trim() }).catch(() => false);
    button.disabled = false;
    if (ok) {
      form.replaceChildren(h('p', { class: 'intro', role: 'status', tabindex: '-1', 'data-testid': 'sanad-offline-done' }, t.offlineSent), back);
      (form.firstChild as HTMLElement).focus();
    } else status.textContent = t.offlineFailed;
  };
  return form;
}
