import type { TaskState } from '../../../shared/api/quarantine';
import { taskStateLabels } from '../../format/labels';

interface TaskStatePillProps {
  state: TaskState;
  conflictReason?: string | null;
  /** The decision taken, in words, for the tooltip. */
  decision?: string | null;
  /** Who made the usage decision the ERP posted: the pill of a decided lot names them. */
  decidedBy?: string | null;
}

/** The task state as a coloured pill; its tooltip gives the conflict's reason or the decision taken. */
export function TaskStatePill({ state, conflictReason, decision, decidedBy }: TaskStatePillProps) {
  const title = state === 'conflict' && conflictReason ? `Conflict: ${conflictReason}` : decision ? `${state === 'decided' ? 'Posted in the ERP' : 'Decision'}: ${decision}` : undefined;
  return (
    <span className={`pill task-pill--${state}`} title={title} data-testid={`task-state-${state}`}>
      {state === 'decided' && decidedBy ? `decided · ${decidedBy}` : taskStateLabels[state]}
    </span>
  );
}
