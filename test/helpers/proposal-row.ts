// A rebalancing proposal as the core lists it, for tests of the renderer: 60 EA of FG-1 from P2 to P1.
import type { RebalancingProposal } from '../../shared/api/rebalancing';

export function proposalRow(id: string, overrides: Partial<RebalancingProposal> = {}): RebalancingProposal {
  return {
    id,
    itemId: 'FG-1',
    itemDescription: 'Hydraulic cylinder',
    fromPlant: 'P2',
    toPlant: 'P1',
    quantity: 60,
    unit: 'EA',
    shipDate: '2026-12-01',
    arrivalDate: '2026-12-03',
    unitCost: 2,
    cost: 120,
    shortageCovered: 60,
    revenueProtected: 30_000,
    needDate: '2026-12-05',
    status: 'proposed',
    transferId: null,
    commandId: null,
    approvalId: null,
    decidedBy: null,
    reason: null,
    ...overrides,
  };
}
