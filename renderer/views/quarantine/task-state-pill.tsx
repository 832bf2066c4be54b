import type { RefusalKind, TaskState } from '../../../shared/api/quarantine';
import { taskStateText } from './quarantine-format';

interface TaskStatePillProps {
  state: TaskState;
  conflictReason?: string | null;
  /** The decision taken, in words, for the tooltip. */
  decision?: string | null;
  /** Who made the usage decision the ERP posted: the pill of a decided lot names them. */
  decidedBy?: string | null;
  /** Why a conflict was refused: a supervisor's rejection of the use-as-is or the gateway refusing who sent it is said as such. */
  refusal?: RefusalKind | null;
}

const conflictTitles: Record<RefusalKind, string> = { stale: 'Conflict', 'approval-rejected': 'Use-as-is rejected', 'sign-in': 'Refused for the sign-in', role: 'Refused for the role' };

/** The task state as a coloured pill; its tooltip gives the conflict's reason or the decision taken. */
export function TaskStatePill({ state, conflictReason, decision, decidedBy, refusal = null }: TaskStatePillProps) {
  const title =
    state === 'conflict' && conflictReason ? `${conflictTitles[refusal ?? 'stale']}: ${conflictReason}` : decision ? `${state === 'decided' ? 'Posted in the ERP' : 'Decision'}: ${decision}` : undefined;
  return (
    <span className={`pill task-pill--${state}`} title={title} data-testid={`task-state-${state}`}>
      {taskStateText(state, decidedBy ?? null, refusal)}
    </span>
  );
}
