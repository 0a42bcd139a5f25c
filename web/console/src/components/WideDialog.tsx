import { useId, type ReactNode } from 'react';
import { useModalDialog } from '../hooks/use-modal-dialog';

/** A modal dialog shell: opens on mount, Escape closes it. */
export function WideDialog({ title, testId, onClose, children }: { title: string; testId: string; onClose: () => void; children: (titleId: string) => ReactNode }) {
  const dialog = useModalDialog();
  const titleId = useId();
  return (
    <dialog ref={dialog} className="dialog dialog--wide" aria-labelledby={titleId} onCancel={(event) => {
        event.preventDefault();
        onClose();
      }} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children(titleId)}
    </dialog>
  );
}

