import { waitsForTheLine, type LineStopDetail } from '../../../shared/api/impact';
import { formatPlanDate } from '../../format/time';
import { DisruptionFactList } from './disruption-fact-list';

/** What stopped: the line, since when, for how long the plant expects, why; the orders it holds up follow. */
export function LineStopFacts({ detail }: { detail: LineStopDetail }) {
  const rerouted = detail.orders.filter((o) => !waitsForTheLine(o)).length;
  const facts = [
    ['Line', `${detail.plant}/${detail.line}`],
    ['Stopped', `${formatPlanDate(detail.from)}, about ${detail.expectedDays} days${detail.restartedOn ? ` (restarted ${formatPlanDate(detail.restartedOn)})` : ''}`],
    ['Held up', `${detail.orders.length} production orders${rerouted > 0 ? `, ${rerouted} rerouted` : ''}`],
    ['Reason', detail.reason || 'None given'],
  ] as const;
  return <DisruptionFactList facts={facts} wide="Reason" testId="line-stop-facts" />;
}
