export interface FormButtonsProps {
  /** The row's class: `inline-form__buttons` or `row-buttons`. */
  className: string;
  busy: boolean;
  submitLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  submitTestId: string;
  cancelTestId: string;
}

/** A form's submit (disabled while busy) and cancel buttons. */
export function FormButtons({ className, busy, submitLabel, cancelLabel, onCancel, submitTestId, cancelTestId }: FormButtonsProps) {
  return (
    <div className={className}>
      <button type="submit" className="button button--primary" disabled={busy} data-testid={submitTestId}>
        {submitLabel}
      </button>
      <button type="button" className="button" onClick={onCancel} data-testid={cancelTestId}>
        {cancelLabel}
      </button>
    </div>
  );
}
