/** A form's submit button, which says so while the form is being sent, and its Cancel where the form can be closed. */
export function FormActions({
  label,
  busyLabel,
  busy,
  disabled = false,
  onCancel,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  /** Not ready to send yet (nothing chosen or changed). */
  disabled?: boolean;
  onCancel?: () => void;
}) {
  return (
    <div className="form-actions">
      <button type="submit" disabled={disabled || busy}>
        {busy ? busyLabel : label}
      </button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
