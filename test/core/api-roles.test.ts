// The role table: every read open to every role but Monitor's (support's), each write to the roles policy names, and the
// refusal worded as the core has always answered it.
import { describe, expect, it } from 'vitest';
import { methodRoles, roleRefusal } from '../../shared/api/roles';
import { roles } from '../../shared/domain';

describe('role table', () => {
  it('restricts exactly the decisions policy gives to a role, and Monitor to support', () => {
    const restricted = Object.entries(methodRoles).filter(([, allowed]) => allowed.length < roles.length);
    expect(Object.fromEntries(restricted)).toEqual({
      'quarantine.disposition': ['quality-engineer'],
      'quarantine.withdraw': ['quality-engineer'],
      'quarantine.reopen': ['quality-engineer'],
      'impact.respond': ['planner', 'supervisor'],
      'impact.reroute': ['planner', 'supervisor'],
      'approvals.decide': ['supervisor'],
      'rebalancing.accept': ['planner', 'supervisor'],
      'rebalancing.reject': ['planner', 'supervisor'],
      'scenarios.save': ['planner', 'supervisor'],
      'scenarios.apply': ['planner', 'supervisor'],
      'scenarios.delete': ['planner', 'supervisor'],
      'monitor.deadLetters': ['operator', 'supervisor'],
      'monitor.instances': ['operator', 'supervisor'],
      'monitor.instance': ['operator', 'supervisor'],
      'monitor.outbox': ['operator', 'supervisor'],
      'monitor.replayDeadLetters': ['operator', 'supervisor'],
      'monitor.discardDeadLetter': ['operator', 'supervisor'],
      'monitor.retryIncident': ['operator', 'supervisor'],
      'monitor.unitMappings': ['operator', 'supervisor'],
      'monitor.mapUnit': ['operator', 'supervisor'],
      'monitor.logLines': ['operator', 'supervisor'],
      'connectors.test': ['operator', 'supervisor'],
    });
  });

  it('names the refused role and what it may not do', () => {
    expect(roleRefusal('quarantine.disposition', 'quality-engineer')).toBeNull();
    expect(roleRefusal('quarantine.withdraw', 'planner')).toEqual({ field: 'role', reason: 'a planner cannot post usage decisions' });
    expect(roleRefusal('impact.reroute', 'quality-engineer')).toEqual({ field: 'role', reason: 'a quality engineer cannot reroute production orders' });
    expect(roleRefusal('rebalancing.reject', 'quality-engineer')).toEqual({ field: 'role', reason: 'a quality engineer cannot decide rebalancing proposals' });
    expect(roleRefusal('impact.respond', 'operator')).toEqual({ field: 'role', reason: 'an operator cannot respond to exceptions' });
    expect(roleRefusal('approvals.decide', 'quality-engineer')).toEqual({ field: 'approvalId', reason: 'Only a supervisor can decide; you are signed in as a quality engineer.' });
    expect(roleRefusal('alerts.acknowledge', 'quality-engineer')).toBeNull();
    expect(roleRefusal('scenarios.apply', 'quality-engineer')).toEqual({ field: 'role', reason: 'a quality engineer cannot apply scenarios' });
  });
});
