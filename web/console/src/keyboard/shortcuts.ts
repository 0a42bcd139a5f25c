export type ShortcutAction = 'focusReply' | 'noteMode' | 'attach' | 'toggleResolved' | 'next' | 'previous' | 'focusSearch' | 'help' | 'closeHelp';

/** The keys an agent presses and what they do, in the order the help lists them. */
export const shortcutList: readonly { keys: readonly string[]; action: ShortcutAction }[] = [
  { keys: ['r'], action: 'focusReply' },
  { keys: ['n'], action: 'noteMode' },
  { keys: ['a'], action: 'attach' },
  { keys: ['e'], action: 'toggleResolved' },
  { keys: ['j', ']'], action: 'next' },
  { keys: ['k', '['], action: 'previous' },
  { keys: ['/'], action: 'focusSearch' },
  { keys: ['?'], action: 'help' },
  { keys: ['Esc'], action: 'closeHelp' },
];

const byKey: Record<string, ShortcutAction> = {
  r: 'focusReply', n: 'noteMode', a: 'attach', e: 'toggleResolved', j: 'next', ']': 'next', k: 'previous', '[': 'previous', '/': 'focusSearch', '?': 'help',
};

/**
 * With an Arabic (or any non-Latin) layout the same physical keys type other letters, so when the
 * key is not plain ASCII we fall back to the physical key code.
 */
const byCode: Record<string, ShortcutAction> = {
  KeyR: 'focusReply', KeyN: 'noteMode', KeyA: 'attach', KeyE: 'toggleResolved', KeyJ: 'next', BracketRight: 'next', KeyK: 'previous', BracketLeft: 'previous',
};

export interface KeyPress {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  /** The event target is an input, textarea, select or contenteditable element. */
  inEditable: boolean;
}

/** The shortcut a key press means, or null when it is none (or the agent is typing). */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.key === 'Escape') return press.inEditable ? null : 'closeHelp';
  if (press.inEditable || press.isComposing || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key.length === 1 && press.key.charCodeAt(0) < 128) return byKey[press.key.toLowerCase()] ?? byKey[press.key] ?? null;
  if (press.code === 'Slash') return press.shiftKey ? 'help' : 'focusSearch';
  return byCode[press.code] ?? null;
}

/** Is this element one where keys type text? */
export function isEditable(target: EventTarget | null): boolean {
  const element = target as (HTMLElement & { isContentEditable?: boolean }) | null;
  if (!element || typeof element.tagName !== 'string') return false;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (element as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return element.isContentEditable === true;
}
