import { describe, expect, it } from 'vitest';
import { isEditable, shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key, code: '', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, inEditable: false, ...extra,
});

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor(press('r'))).toBe('focusReply');
    expect(shortcutFor(press('n'))).toBe('noteMode');
    expect(shortcutFor(press('a'))).toBe('attach');
    expect(shortcutFor(press('e'))).toBe('toggleResolved');
    expect(shortcutFor(press('j'))).toBe('next');
    expect(shortcutFor(press(']'))).toBe('next');
    expect(shortcutFor(press('k'))).toBe('previous');
    expect(shortcutFor(press('/'))).toBe('focusSearch');
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help');
    expect(shortcutFor(press('Escape'))).toBe('closeHelp');
  });

  it('when the agent is typing in a field, then nothing fires', () => {
    expect(shortcutFor(press('r', { inEditable: true }))).toBeNull();
    expect(shortcutFor(press('?', { inEditable: true }))).toBeNull();
    expect(shortcutFor(press('Escape', { inEditable: true }))).toBeNull();
  });

  it('when a modifier is held or text is being composed, then nothing fires', () => {
    expect(shortcutFor(press('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('r', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('e', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('e', { isComposing: true }))).toBeNull();
  });

  it('with an Arabic keyboard layout, then the physical keys still work', () => {
    expect(shortcutFor(press('ق', { code: 'KeyR' }))).toBe('focusReply');
    expect(shortcutFor(press('ى', { code: 'KeyN' }))).toBe('noteMode');
    expect(shortcutFor(press('ش', { code: 'KeyA' }))).toBe('attach');
    expect(shortcutFor(press('ث', { code: 'KeyE' }))).toBe('toggleResolved');
    expect(shortcutFor(press('ت', { code: 'KeyJ' }))).toBe('next');
    expect(shortcutFor(press('ظ', { code: 'Slash' }))).toBe('focusSearch');
    expect(shortcutFor(press('؟', { code: 'Slash', shiftKey: true }))).toBe('help');
  });

  it('when Caps Lock is on, then letters still work', () => {
    expect(shortcutFor(press('R'))).toBe('focusReply');
  });

  it('ignores other keys', () => {
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('ArrowDown', { code: 'ArrowDown' }))).toBeNull();
  });
});

describe('isEditable', () => {
  it('tells text fields from buttons', () => {
    expect(isEditable({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isEditable({ tagName: 'SELECT' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});
