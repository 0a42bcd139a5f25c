import { h } from './dom.ts';
import type { Locale } from './locale.ts';
import { callbackSlots, slotLabel } from './offer.ts';
import type { Strings } from './strings.ts';

export interface OfferActions {
  /** Resolves with the confirmation to show ("We will call you between …"), or rejects. */
  callback(phone: string, start: Date, end: Date): Promise<string>;
  email(address: string): Promise<string>;
}

/** The offer box above the composer: "Call me back" / "Email me instead", each a two-field form, then the confirmation. */
export function createOffer(t: Strings, locale: Locale, actions: OfferActions): { box: HTMLElement; done: () => boolean } {
  const box = h('div', { class: 'offer', role: 'region', 'aria-label': t.offerIntro, 'data-testid': 'sanad-offer', hidden: true });
  let finished = false;
  const status = h('p', { class: 'form-status', role: 'status' });
  const finish = (text: string) => {
    finished = true;
    box.replaceChildren(h('p', { class: 'intro', role: 'status', dir: 'auto', 'data-testid': 'sanad-offer-done' }, text));
    // The chat leaves the queue as the callback is made, and that queue update can arrive (and hide
    // the offer) before this answer does: the confirmation must still be seen.
    box.hidden = false;
  };
  const form = (control: HTMLInputElement | HTMLSelectElement, extra: HTMLElement | null, label: string, submit: () => Promise<string>) => {
    const button = h('button', { type: 'submit', class: 'primary' }, label);
    const f = h('form', { class: 'offer-form' }, control, extra, button, status);
    f.onsubmit = async (event) => {
      event.preventDefault();
      if (button.disabled) return;
      button.disabled = true;
      status.textContent = '';
      await submit().then(finish, () => (status.textContent = t.offerFailed));
      button.disabled = false;
    };
    return f;
  };
  const showCallback = () => {
    const phone = h('input', { type: 'tel', required: true, autocomplete: 'tel', dir: 'ltr', maxlength: '40', 'aria-label': t.phone, placeholder: t.phone, 'data-testid': 'sanad-offer-phone' });
    const slots = callbackSlots(new Date());
    const when = h('select', { 'aria-label': t.callWhen, 'data-testid': 'sanad-offer-slot' });
    slots.forEach((s, i) => when.append(h('option', { value: String(i) }, slotLabel(locale, s, t))));
    box.replaceChildren(form(phone, when, t.requestCall, () => {
      const slot = slots[Number(when.value)] ?? slots[0];
      return slot ? actions.callback(phone.value.trim(), slot.start, slot.end) : Promise.reject(new Error('no slot'));
    }));
    phone.focus();
  };
  const showEmail = () => {
    const email = h('input', { type: 'email', required: true, autocomplete: 'email', dir: 'ltr', maxlength: '254', 'aria-label': t.email, placeholder: t.email, 'data-testid': 'sanad-offer-email' });
    box.replaceChildren(form(email, null, t.offerEmail, () => actions.email(email.value.trim())));
    email.focus();
  };
  const button = (label: string, id: string, onclick: () => void) => {
    const b = h('button', { type: 'button', class: 'link', 'data-testid': id }, label);
    b.onclick = onclick;
    return b;
  };
  box.append(h('p', { class: 'intro', dir: 'auto' }, t.offerIntro), button(t.offerCallback, 'sanad-offer-callback', showCallback), ' ', button(t.offerEmail, 'sanad-offer-email-link', showEmail));
  return { box, done: () => finished };
}
