// How scenarios read: days late in a world ("+12 d", "on time", "never covered"), a step in words.
import type { ScenarioStepInput } from '../../../shared/api/scenarios';
import { formatPlanDate } from '../../format/time';

/** A customer order's lateness in one world; undefined: the order is not in that world's plan. */
export function formatWorldLateness(days: number | null | undefined): string {
  if (days === undefined) return '—';
  if (days === null) return 'never covered';
  return days > 0 ? `+${days} d` : 'on time';
}

/** The worst lateness of a world's compared orders: "+12 d", "none late". */
export function formatWorstOfWorld(worst: number | null, late: number): string {
  if (late === 0) return 'none late';
  return worst === null ? 'never covered' : `+${worst} d`;
}

/** A step the planner adds in the builder, in words, before the core has seen it. */
export function describeDraftStep(step: ScenarioStepInput): string {
  switch (step.kind) {
    case 'response':
      return `${step.responseId} for ${step.exceptionId}`;
    case 'delay':
      return `${step.poLineId} arrives ${formatPlanDate(step.newDate)}`;
    case 'lot-block':
      return `lot ${step.lotId} blocked`;
    case 'line-stop':
      return `line ${step.plant}/${step.line} stopped ${step.days} d from ${formatPlanDate(step.from)}`;
  }
}
