// Property: whatever the appends, reconnects and replay requests, a client that applies what it is sent
// (snapshot resets the cursor, events advance it) reaches the head with no gap, and sees no duplicate
// unless it asked for a replay.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../shared/events';
import type { Snapshot } from '../../shared/sync-protocol';
import { closeAll, connectClient, startTestGateway, waitUntil, type TestClient } from './harness';

afterEach(closeAll);

type Action = { kind: 'append'; count: number } | { kind: 'reconnect' } | { kind: 'replay'; back: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconnect' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), back: fc.integer({ min: 0, max: 30 }) }) },
);

class AppliedCursor {
  cursor = 0;
  gaps: number[] = [];
  duplicates: number[] = [];

  follow(client: TestClient): void {
    client.socket.on('snapshot', (snapshot: Snapshot) => {
      this.cursor = snapshot.streams.erp ?? this.cursor;
    });
    client.socket.on('events', (batch: EventEnvelope[]) => {
      for (const event of batch) {
        if (event.seq <= this.cursor) this.duplicates.push(event.seq);
        else if (event.seq !== this.cursor + 1) this.gaps.push(event.seq);
        this.cursor = Math.max(this.cursor, event.seq);
      }
    });
  }
}

describe('sync protocol (property)', () => {
  it('never leaves a gap and reaches the head', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 12 }),
        fc.option(fc.integer({ min: 3, max: 25 }), { nil: undefined }),
        async (actions, retention) => {
          const gateway = await startTestGateway(retention === undefined ? {} : { retention });
          const applied = new AppliedCursor();
          const connect = async (): Promise<TestClient> => {
            const client = await connectClient(gateway.erpUrl);
            applied.follow(client);
            await client.subscribe({ erp: applied.cursor });
            return client;
          };
          let client = await connect();
          const settled = () => {
            const head = gateway.inspect.streamHead('erp');
            return waitUntil(() => applied.cursor === head, `the applied cursor at the head ${head}`);
          };
          for (const step of actions) {
            if (step.kind === 'append') gateway.scenario.burst(step.count);
            if (step.kind === 'reconnect') {
              client.close();
              client = await connect();
            }
            if (step.kind === 'replay') {
              await client.socket
                .timeout(5000)
                .emitWithAck('replay', { stream: 'erp', afterSeq: Math.max(0, applied.cursor - step.back) });
            }
            await settled();
          }
          expect(applied.gaps).toEqual([]);
          if (!actions.some((step) => step.kind === 'replay')) expect(applied.duplicates).toEqual([]);
          client.close();
          await gateway.close();
        },
      ),
      { numRuns: 25 },
    );
  });
});
