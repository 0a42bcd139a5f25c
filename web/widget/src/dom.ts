/** A tiny element builder: attributes as strings (true → present, false/undefined → absent), children as nodes or text. */
export type Attrs = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const child of children) if (child != null) el.append(child);
  return el;
}

/** Visually hidden text, read by screen readers. */
export const srOnly = (text: string): HTMLSpanElement => h('span', { class: 'sr' }, text);
