// The facts under a decision in the Quarantine panel: while a use-as-is waits, it is requested (not
// decided) by the engineer and awaits a supervisor; once approved, who approved it and when.
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../renderer/format/time';
import { decisionFacts } from '../../renderer/views/quarantine/decision-facts';
import { quarantineRow } from '../helpers/quarantine-row';

const requestedAt = '2026-12-06T22:16:00.000Z';
const approvedAt = '2026-12-06T22:40:00.000Z';
const useAsIs = quarantineRow('L-003104', {
  postings: [
    { decision: 'use-as-is', quantity: 100 },
    { decision: 'scrap', quantity: 208 },
  ],
  deviationNumber: 'DEV-0042',
  decisionReason: 'Thread within the customer tolerance; rest scrapped',
  decidedBy: 'qe.maria',
  decidedAt: requestedAt,
  approvalId: 'AP-85b8cf85',
});
const termsOf = (facts: [string, string][]) => facts.map(([term]) => term);

describe('the decision facts of a use-as-is', () => {
  it('while it waits: requested by the engineer, awaiting a supervisor, not "decided by"', () => {
    const facts = decisionFacts({ ...useAsIs, taskState: 'awaiting-approval' });
    expect(termsOf(facts)).not.toContain('Decided by');
    expect(facts).toContainEqual(['Requested by', `qe.maria at ${formatDateTime(requestedAt)}; awaiting a supervisor’s approval`]);
    expect(facts).toContainEqual(['Approval request', 'AP-85b8cf85']);
  });

  it('once approved: who decided, and who approved it and when', () => {
    const facts = decisionFacts({ ...useAsIs, taskState: 'decided', approvedBy: 'sup.tom', approvedAt });
    expect(facts).toContainEqual(['Decided by', `qe.maria at ${formatDateTime(requestedAt)}`]);
    expect(facts).toContainEqual(['Approved by', `sup.tom at ${formatDateTime(approvedAt)}`]);
    expect(termsOf(facts)).toEqual(['Deviation', 'Reason', 'Decided by', 'Approved by', 'Approval']);
    // Heard only from the ERP's decision, which names who approved but not when.
    expect(decisionFacts({ ...useAsIs, taskState: 'decided', approvalId: null, approvedBy: 'sup.tom' })).toContainEqual(['Approved by', 'sup.tom']);
  });
});
