import { attachmentTypes, failureText, formatSize, retryable, type Chip } from './attachments.ts';
import type { ShownMessage } from './chat-state.ts';
import { h } from './dom.ts';
import { createMessage, updateMessage, type FileUrl } from './message-view.ts';
import { createOfflineForm, type OfflineMessage } from './offline-form.ts';
import type { SocketStatus } from './socket.ts';
import { fill, type Strings } from './strings.ts';

export interface ViewActions {
  /** The visitor sends what is typed (maybe nothing, with files); false when it was not taken. */
  send(body: string): boolean;
  attach(files: File[]): void;
  removeFile(key: number): void;
  retryFile(key: number): void;
  fileUrl: FileUrl;
  input(empty: boolean): void;
  handoff(): void;
  retry(clientId: string): void;
  close(): void;
  leaveMessage(m: OfflineMessage): Promise<boolean>;
}

/** The chat panel's DOM: header, the message log, typing line, composer, and the offline form. */
export class ChatView {
  private readonly title = h('h1', { id: 'sanad-title', dir: 'auto', tabindex: '-1' });
  private readonly sub = h('p', { class: 'sub', 'data-testid': 'sanad-wait', dir: 'auto', hidden: true });
  private readonly handoffButton = h('button', { type: 'button', class: 'handoff', 'data-testid': 'sanad-handoff' });
  private readonly banner = h('p', { class: 'banner', role: 'status', 'data-testid': 'sanad-status' });
  private readonly log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'data-testid': 'sanad-messages', tabindex: '0' });
  private readonly empty = h('p', { class: 'empty', dir: 'auto' });
  private readonly typing = h('p', { class: 'typing', 'data-testid': 'sanad-typing', dir: 'auto', hidden: true });
  private readonly notice = h('p', { class: 'notice', dir: 'auto', hidden: true });
  private readonly offlineLink = h('button', { type: 'button', class: 'link', 'data-testid': 'sanad-offline-link', hidden: true });
  private readonly chips = h('ul', { class: 'chips', 'aria-live': 'polite' });
  private readonly chipElements = new Map<number, HTMLLIElement>();
  private readonly attachNote = h('p', { class: 'attach-note', role: 'alert', dir: 'auto', 'data-testid': 'sanad-attach-error' });
  private readonly composer = h('textarea', { id: 'sanad-input', rows: '1', maxlength: '5000', dir: 'auto', 'data-testid': 'sanad-composer', autocomplete: 'off' });
  private readonly chat: HTMLElement;
  private readonly offline: HTMLElement;
  private readonly elements = new Map<string, HTMLElement>();
  private typingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly t: Strings,
    private readonly locale: string,
    private readonly actions: ViewActions,
    prefill: { name?: string; email?: string },
  ) {
    this.title.textContent = t.title;
    this.handoffButton.textContent = t.handoff;
    this.handoffButton.onclick = () => actions.handoff();
    this.log.setAttribute('aria-label', t.messages);
    this.empty.textContent = t.empty;
    this.offlineLink.textContent = t.offlineLink;
    this.offlineLink.onclick = () => this.show('offline');
    this.composer.placeholder = t.placeholder;
    this.banner.hidden = true;

    const close = h('button', { type: 'button', class: 'close', 'data-testid': 'sanad-close', 'aria-label': t.close, title: t.close }, '×');
    close.onclick = () => actions.close();
    const sendButton = h('button', { type: 'submit', class: 'primary send', 'data-testid': 'sanad-send' }, t.send);
    const fileInput = h('input', { type: 'file', accept: attachmentTypes.join(), multiple: true, hidden: true, tabindex: '-1', 'data-testid': 'sanad-file-input' });
    fileInput.onchange = () => {
      if (fileInput.files?.length) actions.attach([...fileInput.files]);
      fileInput.value = '';
    };
    const attachButton = h('button', { type: 'button', class: 'attach', 'data-testid': 'sanad-attach', 'aria-label': t.attach, title: t.attach });
    attachButton.innerHTML = '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M20 11.5l-8.3 8.3a5 5 0 01-7.1-7.1l8.6-8.6a3.4 3.4 0 014.8 4.8l-8.6 8.6a1.7 1.7 0 01-2.4-2.4l7.9-7.9"/></svg>';
    attachButton.onclick = () => fileInput.click();
    this.chips.setAttribute('aria-label', t.attachments);
    this.chips.hidden = true;
    this.attachNote.hidden = true;
    const form = h('form', { class: 'composer', 'data-testid': 'sanad-composer-form' }, h('label', { for: 'sanad-input', class: 'sr' }, t.composer), attachButton, fileInput, this.composer, sendButton);
    form.onsubmit = (event) => {
      event.preventDefault();
      if (!actions.send(this.composer.value.trim())) return;
      this.note('');
      this.composer.value = '';
      this.grow();
      this.composer.focus();
    };
    this.composer.onkeydown = (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    };
    this.composer.oninput = () => {
      this.grow();
      actions.input(this.composer.value.trim() === '');
    };
    // A pasted picture (a screenshot) is attached; pasted text, even with a picture of itself alongside, stays text.
    this.composer.onpaste = (event) => {
      const data = event.clipboardData;
      if (!data?.files.length || data.types.includes('text/plain')) return;
      event.preventDefault();
      actions.attach([...data.files]);
    };
    // Files dropped anywhere on the panel are attached (and never open in place of the chat).
    const files = (event: DragEvent) => (event.dataTransfer?.types.includes('Files') ? event.dataTransfer : null);
    document.addEventListener('dragover', (event) => {
      if (files(event)) event.preventDefault();
    });
    document.addEventListener('drop', (event) => {
      const data = files(event);
      if (!data) return;
      event.preventDefault();
      if (!this.chat.hidden && data.files.length) actions.attach([...data.files]);
    });

    this.chat = h('section', { class: 'chat', 'aria-labelledby': 'sanad-title' }, this.empty, this.log, this.typing, h('div', { class: 'notices' }, this.notice, this.offlineLink, this.attachNote), this.chips, form);
    this.offline = h('section', { class: 'offline', hidden: true }, createOfflineForm(t, prefill, actions.leaveMessage, () => this.show('chat')));
    const header = h('header', { class: 'head' }, h('div', { class: 'head-text' }, this.title, this.sub), this.handoffButton, close);
    document.body.append(h('main', { class: 'panel' }, header, this.banner, this.chat, this.offline));
  }

  setHeader(name: string | undefined, sub: string | null): void {
    this.title.textContent = name || this.t.title;
    this.sub.textContent = sub ?? '';
    this.sub.hidden = !sub;
  }

  /** Whether the "leave a message" way is offered (no agent online). */
  setOffline(offline: boolean): void {
    this.offlineLink.hidden = !offline;
  }

  show(screen: 'chat' | 'offline'): void {
    this.chat.hidden = screen !== 'chat';
    this.offline.hidden = screen !== 'offline';
    this.focus();
  }

  onOfflineScreen(): boolean {
    return !this.offline.hidden;
  }

  /** Moves focus into the panel: the first field, or on a touch screen (where a field would pop the keyboard up over the conversation) the title. */
  focus(): void {
    const target = this.offline.hidden ? this.composer : this.offline.querySelector<HTMLElement>('input, [tabindex]');
    (matchMedia('(pointer: coarse)').matches ? this.title : target)?.focus();
  }

  setConnection(status: SocketStatus, failures: number): void {
    const text = status === 'open' ? '' : status === 'connecting' && failures === 0 ? this.t.connecting : failures > 3 ? this.t.unavailable : this.t.reconnecting;
    this.banner.textContent = text;
    this.banner.hidden = !text;
  }

  /** True while a resume backfill is arriving, so screen readers hear the result once, not line by line. */
  setBusy(busy: boolean): void {
    if (busy) this.log.setAttribute('aria-busy', 'true');
    else this.log.removeAttribute('aria-busy');
  }

  render(list: readonly ShownMessage[], forceScroll = false): void {
    const nearBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
    const keep = new Set(list.map((m) => m.key));
    for (const [key, el] of this.elements) {
      if (!keep.has(key)) {
        el.remove();
        this.elements.delete(key);
      }
    }
    let previous: HTMLElement | null = null;
    for (const m of list) {
      let el = this.elements.get(m.key);
      if (!el) {
        el = createMessage(m, this.t);
        this.elements.set(m.key, el);
      }
      updateMessage(el, m, this.t, this.locale, this.actions.retry, this.actions.fileUrl);
      // Only insert when out of place: moving nodes in a live region makes them be read again.
      if (el.previousElementSibling !== previous || el.parentNode !== this.log) {
        if (previous) previous.after(el);
        else this.log.prepend(el);
      }
      previous = el;
    }
    this.empty.hidden = list.length > 0;
    if (nearBottom || forceScroll) this.log.scrollTop = this.log.scrollHeight;
  }

  /** Someone on Sanad's side is typing (name), or stopped (null). Hides itself if no update comes. */
  setTyping(name: string | null): void {
    if (this.typingTimer !== null) clearTimeout(this.typingTimer);
    this.typingTimer = null;
    this.typing.hidden = name === null;
    if (name === null) return;
    this.typing.textContent = fill(this.t.typing, { name });
    this.typingTimer = setTimeout(() => this.setTyping(null), 10_000);
  }

  setHandoff(requested: boolean): void {
    this.handoffButton.textContent = requested ? this.t.handoffSent : this.t.handoff;
  }

  setClosed(closed: boolean): void {
    this.notice.textContent = closed ? this.t.closed : '';
    this.notice.hidden = !closed;
  }

  /** A line about attaching (a refused file, a send waiting for uploads); empty hides it. */
  note(text: string): void {
    this.attachNote.textContent = text;
    this.attachNote.hidden = !text;
  }

  /** The files waiting to be sent, as chips above the composer: name, size, state, retry when worth it, remove. */
  setChips(chips: readonly Chip<File>[]): void {
    const keep = new Set(chips.map((c) => c.key));
    for (const [key, li] of this.chipElements) {
      if (keep.has(key)) continue;
      // Focus was on the chip being removed: put it back in the composer rather than lose it.
      if (li.contains(document.activeElement)) this.composer.focus();
      li.remove();
      this.chipElements.delete(key);
    }
    for (const chip of chips) {
      let li = this.chipElements.get(chip.key);
      if (!li) {
        const name = chip.file.name;
        const retry = h('button', { type: 'button', class: 'chip-retry' }, this.t.retry);
        retry.onclick = () => this.actions.retryFile(chip.key);
        const remove = h('button', { type: 'button', class: 'chip-remove', 'aria-label': fill(this.t.remove, { name }), title: fill(this.t.remove, { name }) }, '×');
        remove.onclick = () => this.actions.removeFile(chip.key);
        li = h('li', { class: 'chip', 'data-testid': 'sanad-attachment-chip' },
          h('span', { class: 'fname', dir: 'auto' }, name), h('span', { class: 'fsize' }, formatSize(chip.file.size, this.locale)), h('span', { class: 'chip-state' }), retry, remove);
        this.chipElements.set(chip.key, li);
        this.chips.append(li);
      }
      if (li.dataset.state === chip.state) continue;
      li.dataset.state = chip.state;
      const text = chip.state === 'uploading' ? this.t.uploading : chip.state === 'ready' ? this.t.uploaded : failureText(this.t, chip);
      const state = li.querySelector('.chip-state') as HTMLElement;
      state.textContent = text;
      state.title = chip.message ?? '';
      const retry = li.querySelector('.chip-retry') as HTMLElement;
      if (retry === document.activeElement && !retryable(chip)) (li.lastElementChild as HTMLElement).focus();
      retry.hidden = !retryable(chip);
    }
    this.chips.hidden = chips.length === 0;
  }

  /** Grows the composer with its text, up to a few lines. */
  private grow(): void {
    this.composer.style.height = 'auto';
    this.composer.style.height = Math.min(this.composer.scrollHeight, 120) + 'px';
  }
}
