// Beside the grid: the selected lot's facts and, while it is open for one, the decision form.
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { useNow } from '../../app/use-now';
import { decisionLabels } from '../../format/labels';
import { isOpenForDecision } from '../../state/quarantine-slice';
import { DecisionSummary } from './decision-summary';
import { DispositionForm } from './disposition-form';
import { LotFacts } from './lot-facts';
import { TaskStatePill } from './task-state-pill';

export function DispositionPanel({ row, onClose }: { row: QuarantineRow; onClose: () => void }) {
  const now = useNow(60_000);
  const facts = (
    <>
      <LotFacts row={row} now={now} />
      {row.taskState === 'conflict' && (
        <div className="callout callout--danger" role="alert" data-testid="conflict-reason">
          <strong>
            The ERP rejected the decision{row.decision ? ` “${decisionLabels[row.decision]}”` : ''}
            {row.decidedBy ? ` by ${row.decidedBy}` : ''}.
          </strong>
          <p>{row.conflictReason ?? 'No reason was given.'}</p>
          <p>The lot changed upstream after the decision was made. Check the facts above and decide again.</p>
        </div>
      )}
    </>
  );
  return (
    <aside className="side-panel disposition-panel" data-testid="disposition-panel" aria-labelledby="disposition-panel-title">
      <header className="side-panel__header disposition-panel__header">
        <div>
          <p className="side-panel__eyebrow">{row.taskState === 'accepted' ? 'Lot decided' : 'Lot on hold'}</p>
          <h2 id="disposition-panel-title">{row.lotId}</h2>
        </div>
        <TaskStatePill state={row.taskState} conflictReason={row.conflictReason} />
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the disposition panel" data-testid="disposition-close">
          ×
        </button>
      </header>
      {isOpenForDecision(row) ? (
        <DispositionForm key={`${row.taskId}:${row.taskState}`} row={row}>
          {facts}
        </DispositionForm>
      ) : (
        <div className="disposition-panel__body">
          {facts}
          <DecisionSummary row={row as QuarantineRow & { taskState: 'pending-upstream' | 'accepted' }} />
        </div>
      )}
    </aside>
  );
}
