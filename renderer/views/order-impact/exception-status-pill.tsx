import type { ExceptionStatus } from '../../../shared/api/impact';
import { exceptionStatusLabels } from '../../format/labels';
import { statusExplanations } from './impact-format';

/** An exception's status as a coloured pill; its tooltip says what the status means. */
export function ExceptionStatusPill({ status }: { status: ExceptionStatus }) {
  return (
    <span className={`pill exception-pill--${status}`} title={statusExplanations[status]} data-testid={`exception-status-${status}`}>
      {exceptionStatusLabels[status]}
    </span>
  );
}
