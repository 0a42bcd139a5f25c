import { toFragment } from './frame-config.ts';
import { chooseLocale, directionOf } from './locale.ts';
import { fill, launcherStrings } from './strings.ts';

/**
 * The one script a host page embeds:
 *   <script src="https://SANAD/widget/loader.js" async data-locale="ar"></script>
 * It adds a launcher button and, on first open, an iframe on Sanad's own origin (frame.html next
 * to this script), so the chat's API calls and storage are Sanad's, not the host page's.
 * Styles are set through the CSSOM, which a host page's Content-Security-Policy does not block.
 */

type Style = Partial<Record<keyof CSSStyleDeclaration, string>>;
const css = (el: HTMLElement, style: Style) => Object.assign(el.style, style);

const globals = window as unknown as { SanadChat?: { open(): void; close(): void; toggle(): void }; sanadLoaded?: boolean };

function currentScript(): HTMLScriptElement | null {
  const s = document.currentScript;
  if (s instanceof HTMLScriptElement && s.src) return s;
  return document.querySelector<HTMLScriptElement>('script[src*="/widget/loader.js"]');
}

function start(script: HTMLScriptElement): void {
  const data = script.dataset;
  const base = new URL('.', script.src);
  const locale = chooseLocale({ attribute: data.locale, pageLang: document.documentElement.lang, browser: navigator.languages });
  const t = launcherStrings[locale];
  const side = directionOf(locale) === 'rtl' ? 'left' : 'right';
  const src =
    new URL('frame.html', base).toString() +
    '#' +
    toFragment({ locale, hostOrigin: /^https?:/.test(location.origin) ? location.origin : null, user: { id: data.userId, hash: data.userHash, name: data.userName, email: data.userEmail } });

  const z = '2147483000';
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.dataset.testid = 'sanad-launcher';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'sanad-chat-frame');
  css(launcher, {
    position: 'fixed', bottom: '20px', [side]: '20px', zIndex: z, width: '56px', height: '56px', borderRadius: '50%', border: '0', margin: '0', padding: '0',
    background: '#0f766e', color: '#fff', cursor: 'pointer', boxShadow: '0 4px 14px rgba(0,0,0,.25)', display: 'flex', alignItems: 'center', justifyContent: 'center',
  } as Style);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '28');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  const badge = document.createElement('span');
  badge.setAttribute('aria-hidden', 'true');
  css(badge, { position: 'absolute', top: '-4px', [side === 'left' ? 'right' : 'left']: '-4px', minWidth: '20px', height: '20px', borderRadius: '10px', background: '#b91c1c', color: '#fff', font: 'bold 12px/20px system-ui,sans-serif', textAlign: 'center', display: 'none' } as Style);
  launcher.append(svg, badge);
  // Host pages often remove focus outlines on buttons (even with !important); keep a visible one for keyboard users.
  const ring = (on: boolean) => {
    launcher.style.setProperty('outline', on ? '3px solid #1d4ed8' : 'none', 'important');
    launcher.style.setProperty('outline-offset', '3px', 'important');
  };
  launcher.addEventListener('focus', () => ring(launcher.matches(':focus-visible')));
  launcher.addEventListener('blur', () => ring(false));
  document.body.append(launcher);

  let frame: HTMLIFrameElement | null = null;
  let open = false;
  let unread = 0;
  const narrow = matchMedia('(max-width: 480px)');

  const paint = () => {
    path.setAttribute('d', open ? 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12 19 6.4 17.6 5 12 10.6z' : 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z');
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', (open ? t.close : t.open) + (unread ? ' · ' + fill(t.unread, { n: String(unread) }) : ''));
    badge.textContent = String(unread);
    badge.style.display = unread && !open ? 'block' : 'none';
    // A phone gets the whole screen; the panel's own close button takes the launcher's place.
    launcher.style.display = open && narrow.matches ? 'none' : 'flex';
    if (!frame) return;
    frame.style.display = open ? 'block' : 'none';
    css(frame, narrow.matches
      ? { top: '0', bottom: '0', left: '0', right: '0', width: '100%', height: '100%', borderRadius: '0' }
      : { top: 'auto', bottom: '88px', left: side === 'left' ? '20px' : 'auto', right: side === 'right' ? '20px' : 'auto', width: '380px', height: 'min(640px, calc(100% - 108px))', borderRadius: '12px' });
  };

  const post = (type: string) => frame?.contentWindow?.postMessage({ sanad: true, type }, base.origin);

  const setOpen = (next: boolean) => {
    if (next === open) return;
    open = next;
    if (open) unread = 0;
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.id = 'sanad-chat-frame';
      frame.title = t.frame;
      frame.src = src;
      frame.dataset.testid = 'sanad-frame';
      css(frame, { position: 'fixed', zIndex: z, border: '0', margin: '0', padding: '0', maxWidth: '100%', background: '#fff', boxShadow: '0 8px 30px rgba(0,0,0,.3)', colorScheme: 'normal' } as Style);
      frame.addEventListener('load', () => {
        frame?.focus();
        post('open');
      });
      document.body.append(frame);
    } else if (open) {
      frame?.focus();
      post('open');
    } else {
      post('closed');
      launcher.focus();
    }
    paint();
  };

  launcher.addEventListener('click', () => setOpen(!open));
  addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== base.origin || !event.data || event.data.sanad !== true) return;
    if (event.data.type === 'close') setOpen(false);
    else if (event.data.type === 'unread' && !open) {
      unread = Number(event.data.count) || 0;
      paint();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open) setOpen(false);
  });
  narrow.addEventListener('change', paint);
  paint();
  globals.SanadChat = { open: () => setOpen(true), close: () => setOpen(false), toggle: () => setOpen(!open) };
}

const script = currentScript();
if (script && !globals.sanadLoaded) {
  globals.sanadLoaded = true;
  if (document.body) start(script);
  else document.addEventListener('DOMContentLoaded', () => start(script));
}
