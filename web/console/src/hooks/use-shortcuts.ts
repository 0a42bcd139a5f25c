import { useEffect } from 'react';
import { isEditable, shortcutFor, type ShortcutAction } from '../keyboard/shortcuts';
import { useLatest } from './use-live-status';

/** Listens for the console's single-key shortcuts on the document (never while typing in a field). */
export function useShortcuts(handler: (action: ShortcutAction) => boolean | void): void {
  const latest = useLatest(handler);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const action = shortcutFor({
        key: event.key, code: event.code, shiftKey: event.shiftKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey,
        altKey: event.altKey, isComposing: event.isComposing, inEditable: isEditable(event.target),
      });
      if (!action) return;
      // The handler returns false when the action does not apply here (e.g. Esc with nothing open).
      if (latest.current(action) !== false) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [latest]);
}
