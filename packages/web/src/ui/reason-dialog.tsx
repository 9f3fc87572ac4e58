import { useId, useState, type ReactNode } from 'react';
import { ModalDialog } from './modal-dialog.tsx';

/**
 * Asks for the reason of a change that records one (a tenant disabled, an incident resolved):
 * the confirm button stays off until a reason of at least `minLength` characters is given.
 */
export function ReasonDialog(props: { title: string; message: ReactNode; label: string; confirmLabel: string; minLength?: number; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const id = useId();
  const min = props.minLength ?? 3;
  const ok = reason.trim().length >= min;
  return (
    <ModalDialog title={props.title} onCancel={props.onCancel}>
      <p>{props.message}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) props.onConfirm(reason.trim());
        }}
      >
        <label htmlFor={id}>{props.label}</label>
        <textarea id={id} rows={3} required minLength={min} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`${id}-hint`} />
        <p className="hint" id={`${id}-hint`}>
          Required, at least {min} characters. It is recorded with the change.
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ok}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
