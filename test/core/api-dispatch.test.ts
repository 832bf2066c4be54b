// The hosts' one dispatcher: method check, zod arguments naming the field, ApiFailure and crash mapping.
import { describe, expect, it, vi } from 'vitest';
import { createApiDispatcher } from '../../electron/api-dispatch';
import { silentLogger } from '../../electron/console-logger';
import { ApiFailure } from '../../shared/api';
import type { Role } from '../../shared/domain';
import { stubHandlers } from '../helpers/handler-stubs';

const context = { user: 'qe.anna' };
const signedIn = (role: Role) => () => ({ user: 'qe.anna', role, expiredAt: null });
const asEngineer = signedIn('quality-engineer');

describe('createApiDispatcher', () => {
  it('answers a known method with its value, as the signed-in person', async () => {
    const dispatch = createApiDispatcher(stubHandlers(), asEngineer, silentLogger);
    await expect(dispatch('session.current', {})).resolves.toEqual({
      ok: true,
      value: expect.objectContaining({ signedIn: true, user: 'qe.anna', role: 'quality-engineer' }),
    });
  });

  it('answers nobody signed in with the sign-in methods only, whatever the host says of the caller', async () => {
    const list = vi.fn(() => []);
    const dispatch = createApiDispatcher(stubHandlers({ 'quarantine.list': list }), () => null, silentLogger);
    await expect(dispatch('quarantine.list', {})).resolves.toEqual({ ok: false, error: { code: 'forbidden', message: 'session: nobody is signed in at this workstation; sign in' } });
    expect(list).not.toHaveBeenCalled();
    await expect(dispatch('session.signIn', { user: 'qe.anna', password: 'pw' })).resolves.toMatchObject({ ok: true, value: { signedIn: true, user: 'qe.anna' } });
    await expect(dispatch('connectors.status', {})).resolves.toEqual({ ok: true, value: [] });
  });

  it('refuses a method the caller’s role may not call before its handler runs, naming why', async () => {
    const disposition = vi.fn();
    const dispatch = createApiDispatcher(stubHandlers({ 'quarantine.disposition': disposition }), signedIn('planner'), silentLogger);
    await expect(dispatch('quarantine.disposition', { taskId: 't-1', postings: [{ decision: 'scrap', quantity: 5 }], reason: 'cracked' })).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'role: a planner cannot post usage decisions' },
    });
    expect(disposition).not.toHaveBeenCalled();
    const decide = vi.fn();
    const asSupervisor = createApiDispatcher(stubHandlers({ 'approvals.decide': decide }), signedIn('operator'), silentLogger);
    await expect(asSupervisor('approvals.decide', { approvalId: 'AP-1', decision: 'approve', reason: 'ok' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Only a supervisor can decide') } });
    expect(decide).not.toHaveBeenCalled();
  });

  it('awaits handlers that answer with a promise', async () => {
    const dispatch = createApiDispatcher(stubHandlers({ 'quarantine.list': async () => [] }), asEngineer, silentLogger);
    await expect(dispatch('quarantine.list', {})).resolves.toEqual({ ok: true, value: [] });
  });

  it('refuses an unknown method, inherited object keys included', async () => {
    const dispatch = createApiDispatcher(stubHandlers(), asEngineer, silentLogger);
    for (const method of ['quarantine.delete', 'toString', '__proto__', '']) {
      const result = await dispatch(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('refuses invalid arguments with a message naming each field, without calling the handler', async () => {
    const disposition = vi.fn(() => ({ commandId: 'never', containmentCommandIds: [] }));
    const dispatch = createApiDispatcher(stubHandlers({ 'quarantine.disposition': disposition }), asEngineer, silentLogger);

    const missingDeviation = await dispatch('quarantine.disposition', { taskId: 't-1', postings: [{ decision: 'use-as-is', quantity: 10 }], reason: 'fits with a deviation' });
    expect(missingDeviation).toEqual({ ok: false, error: { code: 'invalid-args', message: 'deviationNumber: use-as-is needs a deviation number' } });

    const several = await dispatch('quarantine.disposition', { taskId: '', postings: [{ decision: 'melt', quantity: 10 }, { decision: 'scrap', quantity: -1 }], reason: 'x' });
    expect(several.ok).toBe(false);
    if (!several.ok) {
      expect(several.error.code).toBe('invalid-args');
      expect(several.error.message).toMatch(/taskId: /);
      expect(several.error.message).toMatch(/postings\.0\.decision: /);
      expect(several.error.message).toMatch(/postings\.1\.quantity: must be more than 0/);
      expect(several.error.message).toMatch(/reason: give a reason of at least 3 characters/);
    }

    const notAnObject = await dispatch('quarantine.list', 'everything');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(disposition).not.toHaveBeenCalled();
  });

  it('hands the handler the parsed arguments (trimmed), and treats missing args as {}', async () => {
    const disposition = vi.fn((args: { taskId: string; reason: string }) => ({ commandId: args.taskId, containmentCommandIds: [] }));
    const dispatch = createApiDispatcher(stubHandlers({ 'quarantine.disposition': disposition }), asEngineer, silentLogger);
    await dispatch('quarantine.disposition', { taskId: ' t-9 ', postings: [{ decision: 'scrap', quantity: 5 }], reason: '  cracked  ' });
    expect(disposition).toHaveBeenCalledWith({ taskId: 't-9', postings: [{ decision: 'scrap', quantity: 5 }], reason: 'cracked' }, context);
    await expect(dispatch('connectors.status', undefined)).resolves.toEqual({ ok: true, value: [] });
  });

  it('turns an ApiFailure into its code and message', async () => {
    const dispatch = createApiDispatcher(stubHandlers({
        'quarantine.disposition': () => {
          throw new ApiFailure('conflict', 'task t-1 is already decided');
        },
      }),
      asEngineer,
      silentLogger,
    );
    await expect(dispatch('quarantine.disposition', { taskId: 't-1', postings: [{ decision: 'scrap', quantity: 5 }], reason: 'cracked' })).resolves.toEqual({
      ok: false,
      error: { code: 'conflict', message: 'task t-1 is already decided' },
    });
  });

  it('turns any other error, thrown or rejected, into internal and logs it', async () => {
    const logger = { ...silentLogger, error: vi.fn() };
    const dispatch = createApiDispatcher(stubHandlers({
        'quarantine.list': () => {
          throw new Error('database is locked');
        },
        'connectors.status': () => Promise.reject(new TypeError('socket gone')),
      }),
      asEngineer,
      logger,
    );
    await expect(dispatch('quarantine.list', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'database is locked' } });
    await expect(dispatch('connectors.status', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'socket gone' } });
    expect(logger.error).toHaveBeenCalledTimes(2);
    expect(logger.error.mock.calls[0]?.[1]).toMatchObject({ method: 'quarantine.list', user: 'qe.anna' });
  });
});
