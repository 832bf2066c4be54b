// Beside the grid: the selected lot's facts and containment and, while it is open for one, the usage
// decision form; after a conflict, the refusal beside what changed, to decide again or withdraw.
import { useState, type ReactNode } from 'react';
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { useNow } from '../../app/use-now';
import { useSessionStore } from '../../state/session-slice';
import { isOpenForDecision, selectSelectedContainment, useQuarantineStore } from '../../state/quarantine-slice';
import { ConflictCard, type ConflictMode } from './conflict-card';
import { ContainmentSection } from './containment-section';
import { DecisionSummary } from './decision-summary';
import { DispositionForm } from './disposition-form';
import { LotFacts } from './lot-facts';
import { cannotDecideReason, formatDecisionCell } from './quarantine-format';
import { TaskStatePill } from './task-state-pill';
import { WithdrawForm } from './withdraw-form';

interface PanelProps {
  row: QuarantineRow;
  onClose(): void;
  /** A decision was submitted or withdrawn: the view takes the engineer back to the scan field. */
  onDone(): void;
}

/** One open task: its own form state, dropped when the task or its state changes. A conflict comes first: it is what to resolve. */
function OpenTask({ row, facts, onDone }: { row: QuarantineRow; facts: ReactNode; onDone(): void }) {
  const [mode, setMode] = useState<ConflictMode>('decide');
  const conflict = row.taskState === 'conflict' ? <ConflictCard row={row} mode={mode} onModeChange={setMode} disabled={false} /> : null;
  if (conflict && mode === 'withdraw') {
    return (
      <WithdrawForm row={row} onCancel={() => setMode('decide')} onDone={onDone}>
        {conflict}
        {facts}
      </WithdrawForm>
    );
  }
  return (
    <DispositionForm row={row} onDone={onDone}>
      {conflict}
      {facts}
    </DispositionForm>
  );
}

/** A lot open for a decision, seen by someone whose role does not post usage decisions: the lot, and who does. */
function NotYoursToDecide({ row, facts, reason }: { row: QuarantineRow; facts: ReactNode; reason: string }) {
  const containment = useQuarantineStore(selectSelectedContainment);
  return (
    <div className="side-panel__body">
      {facts}
      <p className="panel-note" data-testid="disposition-not-yours">
        {reason}
      </p>
      <ContainmentSection row={row} containment={containment} />
    </div>
  );
}

function ClosedTask({ row, facts }: { row: QuarantineRow; facts: ReactNode }) {
  const containment = useQuarantineStore(selectSelectedContainment);
  return (
    <div className="side-panel__body">
      {facts}
      <DecisionSummary row={row as QuarantineRow & { taskState: 'awaiting-approval' | 'pending-upstream' | 'decided' | 'withdrawn' }} />
      <ContainmentSection row={row} containment={containment} />
    </div>
  );
}

export function DispositionPanel({ row, onClose, onDone }: PanelProps) {
  const now = useNow(60_000);
  const role = useSessionStore((state) => state.session?.role ?? null);
  const notYours = cannotDecideReason(role);
  const facts = <LotFacts row={row} now={now} />;
  return (
    <aside
      className="side-panel disposition-panel"
      data-testid="disposition-panel"
      aria-labelledby="disposition-panel-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
    >
      <header className="side-panel__header">
        <div>
          <p className="side-panel__eyebrow">{row.taskState === 'decided' ? 'Lot decided' : 'Lot on hold'}</p>
          <h2 id="disposition-panel-title" className="disposition-panel__title">
            {row.lotId}
          </h2>
        </div>
        <TaskStatePill state={row.taskState} conflictReason={row.conflict?.reason ?? null} decision={row.postings ? formatDecisionCell(row) : null} decidedBy={row.decidedBy} refusal={row.conflict?.kind ?? null} />
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the disposition panel" data-testid="disposition-close">
          ×
        </button>
      </header>
      {isOpenForDecision(row) ? (
        notYours === null ? (
          <OpenTask key={`${row.taskId}:${row.taskState}`} row={row} facts={facts} onDone={onDone} />
        ) : (
          <NotYoursToDecide row={row} facts={facts} reason={notYours} />
        )
      ) : (
        <ClosedTask row={row} facts={facts} />
      )}
    </aside>
  );
}
