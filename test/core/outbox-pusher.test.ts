import { describe, expect, it } from 'vitest';
import { createOutboxPusher } from '../../orchestration-core/connectors/outbox-pusher';
import { createReplyHandler } from '../../orchestration-core/connectors/reply-handler';
import type { CanonicalCommand } from '../../shared/commands';
import { fixedClock, quietLogger, useCoreParts, type CoreParts } from '../helpers/core-parts';
import { waitFor } from '../helpers/wait-for';

interface Sent {
  command: CanonicalCommand;
  reply(status: 'accepted' | 'duplicate' | 'rejected'): void;
  fail(message: string): void;
}

function setStatus(commandId: string, lotId: string): CanonicalCommand {
  return { commandId, type: 'lot.setStatus', issuedBy: 'qe.test', issuedAt: '2026-11-02T08:00:00.000Z', payload: { lotId, stockType: 'blocked', reason: 'test' } };
}

describe('outbox pusher', () => {
  let parts: CoreParts;
  useCoreParts((made) => (parts = made));

  function start(window = 8) {
    const sent: Sent[] = [];
    const clock = fixedClock();
    const handleReplies = createReplyHandler({ store: parts.store, repos: parts.repos, engine: parts.engine, changes: parts.changes, clock });
    const pusher = createOutboxPusher({
      connectorId: 'erp',
      repos: parts.repos,
      handleReplies,
      clock,
      logger: quietLogger,
      window,
      onProgress: () => {},
      send: (command) =>
        new Promise((resolve, reject) =>
          sent.push({ command, reply: (status) => resolve({ commandId: command.commandId, status }), fail: (message) => reject(new Error(message)) }),
        ),
    });
    return { pusher, sent };
  }

  function enqueue(...commands: [commandId: string, lotId: string][]): void {
    parts.store.durableTransaction(() => {
      for (const [commandId, lotId] of commands) parts.repos.outbox.enqueue(setStatus(commandId, lotId), 'erp', lotId, '2026-11-02T08:00:00.000Z');
    });
  }
  const status = (commandId: string) => parts.repos.outbox.get(commandId)?.status;

  it('sends in outbox order, one command per entity in flight, and records each reply', async () => {
    enqueue(['c1', 'L-1'], ['c2', 'L-2'], ['c3', 'L-1'], ['c4', 'L-3']);
    const { pusher, sent } = start();
    pusher.setConnected(true);
    expect(sent.map((s) => s.command.commandId)).toEqual(['c1', 'c2', 'c4']);

    sent[0]!.reply('accepted');
    await waitFor('c1 recorded', () => status('c1') === 'accepted');
    await waitFor('c3 sent', () => sent.length === 4);
    expect(sent[3]!.command.commandId).toBe('c3');

    sent[1]!.reply('duplicate');
    sent[2]!.reply('rejected');
    sent[3]!.reply('accepted');
    await waitFor('queue empty', () => parts.repos.outbox.depth('erp') === 0);
    expect([status('c2'), status('c3'), status('c4')]).toEqual(['duplicate', 'accepted', 'rejected']);
    pusher.stop();
  });

  it('keeps the window and picks up commands queued while it runs', async () => {
    enqueue(['c1', 'L-1'], ['c2', 'L-2'], ['c3', 'L-3']);
    const { pusher, sent } = start(2);
    pusher.setConnected(true);
    expect(sent.map((s) => s.command.commandId)).toEqual(['c1', 'c2']);
    enqueue(['c4', 'L-4']);
    pusher.kick();
    expect(sent).toHaveLength(2);
    sent[0]!.reply('accepted');
    sent[1]!.reply('accepted');
    await waitFor('c3 and c4 sent', () => sent.length === 4);
    expect(sent.slice(2).map((s) => s.command.commandId)).toEqual(['c3', 'c4']);
    pusher.stop();
  });

  it('re-sends the same commandId after a reconnect when the reply never came', async () => {
    enqueue(['c1', 'L-1'], ['c2', 'L-1']);
    const { pusher, sent } = start();
    pusher.setConnected(true);
    sent[0]!.fail('not connected');
    pusher.setConnected(false);
    await new Promise((resolve) => setImmediate(resolve));
    pusher.setConnected(true);
    await waitFor('c1 sent again', () => sent.length === 2);
    expect(sent.map((s) => s.command.commandId)).toEqual(['c1', 'c1']);
    sent[1]!.reply('duplicate');
    await waitFor('c2 sent', () => sent.length === 3);
    expect(sent[2]!.command.commandId).toBe('c2');
    expect(status('c1')).toBe('duplicate');
    pusher.stop();
  });
});
