// Opens a withdrawn lot's task again: the panel then shows the decision form on the lot as it is now.
import { useState } from 'react';
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { reopenTask } from '../../state/quarantine-actions';

export function DecideAgain({ row }: { row: Pick<QuarantineRow, 'lotId' | 'taskId'> }) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function reopen() {
    setSending(true);
    setError(null);
    try {
      await reopenTask(row.lotId, row.taskId);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="decide-again">
      <button type="button" className="button" onClick={() => void reopen()} disabled={sending} data-testid="decide-again">
        Decide again
      </button>
      {error && (
        <p className="form-error" role="alert" data-testid="decide-again-error">
          {error}
        </p>
      )}
    </div>
  );
}
