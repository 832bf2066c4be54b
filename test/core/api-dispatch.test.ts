// The hosts' one dispatcher: method check, zod arguments naming the field, ApiFailure and crash mapping.
import { describe, expect, it, vi } from 'vitest';
import { createApiDispatcher } from '../../electron/api-dispatch';
import { silentLogger } from '../../electron/console-logger';
import { ApiFailure, type AppApi, type Handlers } from '../../shared/api';

const context = { user: 'qe.anna' };

function handlers(overrides: Partial<Handlers<AppApi>> = {}): Handlers<AppApi> {
  return {
    'quarantine.list': () => [],
    'quarantine.disposition': (args) => ({ commandId: `cmd-${args.taskId}`, containmentCommandIds: [] }),
    'quarantine.withdraw': () => ({}),
    'quarantine.reopen': () => ({}),
    'quarantine.containment': ({ lotId }) => ({ lotId, unit: 'KG', consumedBy: [], lots: [] }),
    'quarantine.lookup': ({ lotId }) => ({ lotId, onHold: false, lot: null }),
    'impact.reroute': ({ exceptionId }) => {
      throw new ApiFailure('not-found', `exceptionId: no line stop ${exceptionId}`);
    },
    'rebalancing.proposals': () => ({ status: { state: 'unavailable', message: 'no worker', computedAt: null }, proposals: [] }),
    'rebalancing.accept': () => ({ commandIds: [] }),
    'rebalancing.reject': () => ({ rejected: 0 }),
    'alerts.list': () => [],
    'alerts.acknowledge': ({ alertId }) => {
      throw new ApiFailure('not-found', `alertId: no alert ${alertId}`);
    },
    'connectors.status': () => [],
    'session.current': (_args, ctx) => ({ user: ctx.user, role: 'quality-engineer', plant: null }),
    'impact.exceptions': () => [],
    'impact.exception': ({ id }) => {
      throw new ApiFailure('not-found', `id: no exception ${id}`);
    },
    'impact.respond': ({ exceptionId }) => {
      throw new ApiFailure('not-found', `exceptionId: no exception ${exceptionId}`);
    },
    'approvals.list': () => [],
    'approvals.decide': ({ approvalId }) => {
      throw new ApiFailure('not-found', `approvalId: no approval request ${approvalId}`);
    },
    ...overrides,
  };
}

describe('createApiDispatcher', () => {
  it('answers a known method with its value and passes the caller', async () => {
    const dispatch = createApiDispatcher(handlers(), silentLogger);
    await expect(dispatch('session.current', {}, context)).resolves.toEqual({
      ok: true,
      value: { user: 'qe.anna', role: 'quality-engineer', plant: null },
    });
  });

  it('awaits handlers that answer with a promise', async () => {
    const dispatch = createApiDispatcher(handlers({ 'quarantine.list': async () => [] }), silentLogger);
    await expect(dispatch('quarantine.list', {}, context)).resolves.toEqual({ ok: true, value: [] });
  });

  it('refuses an unknown method, inherited object keys included', async () => {
    const dispatch = createApiDispatcher(handlers(), silentLogger);
    for (const method of ['quarantine.delete', 'toString', '__proto__', '']) {
      const result = await dispatch(method, {}, context);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('refuses invalid arguments with a message naming each field, without calling the handler', async () => {
    const disposition = vi.fn(() => ({ commandId: 'never', containmentCommandIds: [] }));
    const dispatch = createApiDispatcher(handlers({ 'quarantine.disposition': disposition }), silentLogger);

    const missingDeviation = await dispatch('quarantine.disposition', { taskId: 't-1', postings: [{ decision: 'use-as-is', quantity: 10 }], reason: 'fits with a deviation' }, context);
    expect(missingDeviation).toEqual({ ok: false, error: { code: 'invalid-args', message: 'deviationNumber: use-as-is needs a deviation number' } });

    const several = await dispatch('quarantine.disposition', { taskId: '', postings: [{ decision: 'melt', quantity: 10 }, { decision: 'scrap', quantity: -1 }], reason: 'x' }, context);
    expect(several.ok).toBe(false);
    if (!several.ok) {
      expect(several.error.code).toBe('invalid-args');
      expect(several.error.message).toMatch(/taskId: /);
      expect(several.error.message).toMatch(/postings\.0\.decision: /);
      expect(several.error.message).toMatch(/postings\.1\.quantity: must be more than 0/);
      expect(several.error.message).toMatch(/reason: give a reason of at least 3 characters/);
    }

    const notAnObject = await dispatch('quarantine.list', 'everything', context);
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(disposition).not.toHaveBeenCalled();
  });

  it('hands the handler the parsed arguments (trimmed), and treats missing args as {}', async () => {
    const disposition = vi.fn((args: { taskId: string; reason: string }) => ({ commandId: args.taskId, containmentCommandIds: [] }));
    const dispatch = createApiDispatcher(handlers({ 'quarantine.disposition': disposition }), silentLogger);
    await dispatch('quarantine.disposition', { taskId: ' t-9 ', postings: [{ decision: 'scrap', quantity: 5 }], reason: '  cracked  ' }, context);
    expect(disposition).toHaveBeenCalledWith({ taskId: 't-9', postings: [{ decision: 'scrap', quantity: 5 }], reason: 'cracked' }, context);
    await expect(dispatch('connectors.status', undefined, context)).resolves.toEqual({ ok: true, value: [] });
  });

  it('turns an ApiFailure into its code and message', async () => {
    const dispatch = createApiDispatcher(
      handlers({
        'quarantine.disposition': () => {
          throw new ApiFailure('conflict', 'task t-1 is already decided');
        },
      }),
      silentLogger,
    );
    await expect(dispatch('quarantine.disposition', { taskId: 't-1', postings: [{ decision: 'scrap', quantity: 5 }], reason: 'cracked' }, context)).resolves.toEqual({
      ok: false,
      error: { code: 'conflict', message: 'task t-1 is already decided' },
    });
  });

  it('turns any other error, thrown or rejected, into internal and logs it', async () => {
    const logger = { ...silentLogger, error: vi.fn() };
    const dispatch = createApiDispatcher(
      handlers({
        'quarantine.list': () => {
          throw new Error('database is locked');
        },
        'connectors.status': () => Promise.reject(new TypeError('socket gone')),
      }),
      logger,
    );
    await expect(dispatch('quarantine.list', {}, context)).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'database is locked' } });
    await expect(dispatch('connectors.status', {}, context)).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'socket gone' } });
    expect(logger.error).toHaveBeenCalledTimes(2);
    expect(logger.error.mock.calls[0]?.[1]).toMatchObject({ method: 'quarantine.list', user: 'qe.anna' });
  });
});
