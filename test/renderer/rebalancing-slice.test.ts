// The rebalancing slice: a pushed list replaces what was shown, keeping unchanged rows' objects; the
// summary counts open proposals only.
import { cannotRebalanceReason, decidedText } from '../../renderer/views/rebalancing/proposal-status';
import { formatPerUnit } from '../../renderer/format/numbers';
import { describe, expect, it } from 'vitest';
import type { RebalancingProposal, RebalancingSnapshot } from '../../shared/api/rebalancing';
import { initialRebalancingData, summarizeProposals, withSnapshot } from '../../renderer/state/rebalancing-slice';
import { proposalRow } from '../helpers/proposal-row';

const ready = { state: 'ready', message: 'Solved in 3 ms.', computedAt: '2026-12-01T08:00:00Z' } as const;
const snapshot = (proposals: RebalancingProposal[]): RebalancingSnapshot => ({ status: ready, proposals });

describe('rebalancing slice', () => {
  it('replaces the rows, keeping the objects of unchanged ones, and drops rows no longer listed', () => {
    const first = withSnapshot(initialRebalancingData, snapshot([proposalRow('RB-A'), proposalRow('RB-B')]));
    expect(first).toMatchObject({ loaded: true, status: ready });
    const second = withSnapshot(first, snapshot([{ ...proposalRow('RB-A') }, proposalRow('RB-C', { status: 'in-transit' })]));
    expect(second.rowsById['RB-A']).toBe(first.rowsById['RB-A']);
    expect(Object.keys(second.rowsById)).toEqual(['RB-A', 'RB-C']);
    expect(second.rowsById['RB-C']!.status).toBe('in-transit');
  });

  it('sums cost and revenue of the open proposals, and the shortage covered per unit, never across units', () => {
    const rows = [
      proposalRow('RB-A'),
      proposalRow('RB-B', { cost: 30.5, shortageCovered: 10, revenueProtected: 500 }),
      proposalRow('RB-K', { cost: 0, shortageCovered: 12.5, unit: 'KG', revenueProtected: 0 }),
      proposalRow('RB-C', { status: 'in-transit' }),
      proposalRow('RB-D', { status: 'rejected' }),
      proposalRow('RB-E', { status: 'awaiting-approval' }),
    ];
    const summary = summarizeProposals(rows);
    expect(summary).toEqual({ proposed: 3, totalCost: 150.5, shortageCovered: { EA: 70, KG: 12.5 }, revenueProtected: 30_500, inTransit: 1, awaitingApproval: 1 });
    expect(formatPerUnit(summary.shortageCovered)).toBe('70 EA, 12.5 KG');
    expect(formatPerUnit({})).toBe('none');
  });
});

describe('who decided a proposal', () => {
  it('reads under the status once accepted, asked for approval or rejected, and not while open', () => {
    expect(decidedText({ status: 'in-transit', decidedBy: 'pl.rosa' })).toBe('by pl.rosa');
    expect(decidedText({ status: 'rejected', decidedBy: 'sv.ines' })).toBe('by sv.ines');
    expect(decidedText({ status: 'proposed', decidedBy: null })).toBeNull();
  });
});

describe('who decides proposals', () => {
  it('lets planners and supervisors accept or reject, and tells a quality engineer why not', () => {
    expect(cannotRebalanceReason('planner')).toBeNull();
    expect(cannotRebalanceReason('supervisor')).toBeNull();
    expect(cannotRebalanceReason('quality-engineer')).toBe('Only a planner or a supervisor accepts or rejects transfers; you are signed in as a quality engineer.');
  });
});

