import type { TaskState } from '../../../shared/api/quarantine';
import { taskStateText } from './quarantine-format';

interface TaskStatePillProps {
  state: TaskState;
  conflictReason?: string | null;
  /** The decision taken, in words, for the tooltip. */
  decision?: string | null;
  /** Who made the usage decision the ERP posted: the pill of a decided lot names them. */
  decidedBy?: string | null;
  /** The conflict is a supervisor's rejection of the use-as-is, not a change upstream: said so. */
  deviationRejected?: boolean;
}

/** The task state as a coloured pill; its tooltip gives the conflict's reason or the decision taken. */
export function TaskStatePill({ state, conflictReason, decision, decidedBy, deviationRejected = false }: TaskStatePillProps) {
  const rejected = state === 'conflict' && deviationRejected;
  const title =
    state === 'conflict' && conflictReason ? `${rejected ? 'Use-as-is rejected' : 'Conflict'}: ${conflictReason}` : decision ? `${state === 'decided' ? 'Posted in the ERP' : 'Decision'}: ${decision}` : undefined;
  return (
    <span className={`pill task-pill--${state}`} title={title} data-testid={`task-state-${state}`}>
      {taskStateText(state, decidedBy ?? null, rejected)}
    </span>
  );
}
