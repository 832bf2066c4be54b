// A rebalancing problem, as the CLI prints it, written as linear programs in CPLEX LP format for an
// independent solver: the most units that can ship, then the least cost of shipping that many.
import type { RebalanceProblem } from '../../orchestration-core/analysis/rebalancing/rebalance';

/** One row per plant that has a lane: what leaves a giver, or reaches a taker, stays within its amount. */
function plantRows(problem: RebalanceProblem): string[] {
  const rows: string[] = [];
  problem.plants.forEach((plant, p) => {
    const side = plant.surplus > 0 ? 'fromPlant' : 'toPlant';
    const lanes = problem.lanes.flatMap((lane, i) => (lane[side] === plant.plant ? [`x${i}`] : []));
    if (lanes.length > 0) rows.push(` plant${p}: ${lanes.join(' + ')} <= ${plant.surplus > 0 ? plant.surplus : plant.shortage}`);
  });
  return rows;
}

const allLanes = (problem: RebalanceProblem) => problem.lanes.map((_, i) => `x${i}`).join(' + ');

export function maximumShipmentLp(problem: RebalanceProblem): string {
  return ['Maximize', ` shipped: ${allLanes(problem)}`, 'Subject To', ...plantRows(problem), 'End'].join('\n');
}

export function leastCostLp(problem: RebalanceProblem, shipped: number): string {
  const objective = problem.lanes.map((lane, i) => `${lane.unitCost} x${i}`).join(' + ');
  return ['Minimize', ` cost: ${objective}`, 'Subject To', ...plantRows(problem), ` shipped: ${allLanes(problem)} = ${shipped}`, 'End'].join('\n');
}
