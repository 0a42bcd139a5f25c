import { useEffect, useRef } from 'react';

/**
 * A `<dialog>` opened as a modal on mount and closed on unmount. Escape arrives as `cancel`; `close` is
 * not listened to, because the clean-up's close() (StrictMode runs effects twice in development) fires
 * it after the dialog has opened again.
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    return () => element.close();
  }, []);
  return dialog;
}
