// The line under a held lot's task state about its usage decision's SLA, as the Quarantine grid shows it.
import { describe, expect, it } from 'vitest';
import { dispositionSlaNote, slaFacts } from '../../renderer/views/quarantine/hold-notes';
import { quarantineRow } from '../helpers/quarantine-row';

const now = Date.parse('2026-12-07T12:00:00.000Z');
const hour = 3_600_000;
const dueIn = (ms: number) => new Date(now + ms).toISOString();

describe('the disposition SLA note', () => {
  it('says nothing while the decision is more than a day away, then counts down, then says overdue', () => {
    expect(dispositionSlaNote(quarantineRow('L1', { dueAt: dueIn(30 * hour) }), now)).toBeNull();
    expect(dispositionSlaNote(quarantineRow('L1', { dueAt: dueIn(5 * hour) }), now)).toEqual({ text: 'due in 5 h', tone: 'warning' });
    expect(dispositionSlaNote(quarantineRow('L1', { dueAt: dueIn(-2 * hour - 60_000) }), now)).toEqual({ text: 'overdue 2 h 1 min', tone: 'danger' });
  });

  it('says escalated once the gateway escalated it, and what the SLA did by itself', () => {
    expect(dispositionSlaNote(quarantineRow('L1', { dueAt: dueIn(-hour), escalatedAt: dueIn(0) }), now)).toEqual({ text: 'overdue · escalated', tone: 'danger' });
    expect(dispositionSlaNote(quarantineRow('L1', { taskState: 'decided', dueAt: dueIn(-hour), escalatedAt: dueIn(0), autoAction: 'kept blocked' }), now)).toEqual({ text: 'R4 by system: kept blocked by its SLA', tone: 'danger' });
  });

  it('says nothing once the engineer decided, or for a hold from before SLAs', () => {
    for (const taskState of ['decided', 'pending-upstream', 'awaiting-approval'] as const) expect(dispositionSlaNote(quarantineRow('L1', { taskState, dueAt: dueIn(-hour) }), now)).toBeNull();
    expect(dispositionSlaNote(quarantineRow('L1', { dueAt: null }), now)).toBeNull();
    // A conflict still owes one: its SLA runs on. A withdrawn decision lets upstream's state stand.
    expect(dispositionSlaNote(quarantineRow('L1', { taskState: 'conflict', dueAt: dueIn(-hour) }), now)?.tone).toBe('danger');
    expect(dispositionSlaNote(quarantineRow('L1', { taskState: 'withdrawn', dueAt: dueIn(-hour) }), now)).toBeNull();
  });

  it('gives the panel the due time and the escalation, with what the SLA did', () => {
    expect(slaFacts(quarantineRow('L1', { dueAt: dueIn(5 * hour) }), now).map(([term]) => term)).toEqual(['Decision due']);
    expect(slaFacts(quarantineRow('L1', { taskState: 'decided', dueAt: dueIn(5 * hour) }), now)).toEqual([]);
    const escalated = Object.fromEntries(slaFacts(quarantineRow('L1', { taskState: 'decided', dueAt: dueIn(-hour), escalatedAt: dueIn(0), autoAction: 'kept blocked' }), now));
    expect(escalated['Decision due']).toMatch(/\(overdue 1 h\)$/);
    expect(escalated['Escalated']).toMatch(/, to every supervisor; kept blocked: usage decision R4 by system$/);
  });
});
