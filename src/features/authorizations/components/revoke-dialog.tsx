import { useEffect, useId, useRef } from 'react';
import type { Authorization } from '../../../lib/authorizations.ts';
import { Button } from '../../../components/ui/button.tsx';

/**
 * Asks before revoking, and says what stops and what does not. A native modal <dialog>: focus is
 * trapped inside, Escape cancels, and focus starts on Cancel (the safe choice) and goes back to where
 * it was when the dialog closes without revoking.
 */
export function RevokeDialog(props: {
  target: Authorization | null;
  onCancel: () => void;
  onConfirm: (authorization: Authorization) => void;
}) {
  const { target, onCancel } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (target && !element.open) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      cancelButton.current?.focus();
    } else if (!target && element.open) {
      element.close();
    }
  }, [target]);

  const cancel = () => {
    onCancel();
    if (returnFocusTo.current?.isConnected) returnFocusTo.current.focus();
  };

  const name = target?.thirdParty.name ?? '';
  const meters = target?.usagePointIds.length ?? 0;
  return (
    <dialog
      ref={dialog}
      className="revoke-dialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      {target && (
        <>
          <h2 id={titleId}>Revoke access for {name}?</h2>
          <div id={descriptionId}>
            <p>
              {name} will no longer be able to read your data
              {meters > 0 && ` from ${meters === 1 ? 'the meter' : `the ${meters} meters`} you shared`}. Its
              requests to your utility stop working at once.
            </p>
            <p>Data it already has is not deleted. To have it removed, ask {name} directly.</p>
          </div>
          <div className="actions">
            <Button variant="secondary" ref={cancelButton} onClick={cancel}>
              Cancel
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                // Close first: the browser hands focus back, then the page moves it to the outcome.
                dialog.current?.close();
                props.onConfirm(target);
              }}
            >
              Revoke access
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}
