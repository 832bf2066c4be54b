// The change tracker: what a transaction changed, by topic, taken after the commit or forgotten with a rollback.
import { describe, expect, it } from 'vitest';
import { createChangeTracker } from '../../orchestration-core/engine/change-tracker';

describe('change tracker', () => {
  it('hands out each topic\'s ids once, each id once, and keeps topics apart', () => {
    const changes = createChangeTracker();
    changes.changed('lot', 'L-1');
    changes.changed('lot', 'L-1');
    changes.changed('exception', 'EX-1');
    changes.changed('alert', 'AL-1');
    expect(changes.take('lot')).toEqual(['L-1']);
    expect(changes.take('lot')).toEqual([]);
    expect(changes.take('approval')).toEqual([]);
    expect(changes.take('exception')).toEqual(['EX-1']);
    expect(changes.take('alert')).toEqual(['AL-1']);
  });

  it('forgets every topic of a transaction that rolled back, and rebuilds a plan it had changed', () => {
    const changes = createChangeTracker();
    let rebuilt = 0;
    changes.attachPlan({ apply: () => {}, rebuild: () => (rebuilt += 1) });
    changes.changed('lot', 'L-1');
    changes.changed('approval', 'AP-1');
    changes.planningReplacedNow();
    changes.discard();
    expect([changes.take('lot'), changes.take('approval')]).toEqual([[], []]);
    expect(rebuilt).toBe(2);
  });

  it('rebuilds the plan after a commit only when a rebuild is due', () => {
    const changes = createChangeTracker();
    let rebuilt = 0;
    changes.attachPlan({ apply: () => {}, rebuild: () => (rebuilt += 1) });
    changes.planCommitted();
    expect(rebuilt).toBe(0);
    changes.planningReplaced();
    changes.planCommitted();
    expect(rebuilt).toBe(1);
  });
});
