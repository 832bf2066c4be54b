import { afterEach, describe, expect, it } from 'vitest';
import { parseEvent, type EventEnvelope } from '../../shared/events';
import { closeAll, connectClient, range, seqs, startTestGateway, waitUntil, type TestClient } from './harness';

afterEach(closeAll);

/** What a connector would hold after applying everything received: the cursor and the applied seqs. */
function applyLikeAConnector(client: TestClient, stream: string): { cursor: number; gaps: number[]; duplicates: number[] } {
  let cursor = 0;
  const gaps: number[] = [];
  const duplicates: number[] = [];
  for (const message of client.received) {
    if (message.kind === 'snapshot') cursor = message.snapshot.streams[stream] ?? cursor;
    if (message.kind !== 'events') continue;
    for (const event of message.batch as EventEnvelope[]) {
      if (event.stream !== stream) continue;
      if (event.seq <= cursor) duplicates.push(event.seq);
      else if (event.seq !== cursor + 1) gaps.push(event.seq);
      cursor = Math.max(cursor, event.seq);
    }
  }
  return { cursor, gaps, duplicates };
}

describe('retention', () => {
  it('keeps only the last N events per stream', async () => {
    const gateway = await startTestGateway({ retention: 3 });
    for (let i = 0; i < 6; i++) gateway.scenario.inspectionFailure();
    expect(seqs(gateway.inspect.events('erp'))).toEqual([4, 5, 6]);
    expect(gateway.inspect.streamHead('erp')).toBe(6);
  });

  it('replays a cursor whose next event is retained, and snapshots one older than retention', async () => {
    const gateway = await startTestGateway({ retention: 3 });
    for (let i = 0; i < 6; i++) gateway.scenario.inspectionFailure();

    const recent = await connectClient(gateway.erpUrl);
    expect(await recent.subscribe({ erp: 3 })).toEqual({ ok: true, snapshot: false });
    await waitUntil(() => recent.caughtUps().length === 1, 'caughtUp');
    expect(seqs(recent.events())).toEqual([4, 5, 6]);

    const stale = await connectClient(gateway.erpUrl);
    expect(await stale.subscribe({ erp: 2 })).toEqual({ ok: true, snapshot: true });
    await waitUntil(() => stale.caughtUps().length === 1, 'caughtUp');
    expect(stale.received.map((message) => message.kind)).toEqual(['snapshot', 'caughtUp']);
    expect(stale.snapshots()[0]?.streams).toEqual({ erp: 6 });
  });

  it('snapshots a cursor past the head (the client synced with another database)', async () => {
    const gateway = await startTestGateway();
    gateway.scenario.inspectionFailure();
    const erp = await connectClient(gateway.erpUrl);
    expect(await erp.subscribe({ erp: 40 })).toEqual({ ok: true, snapshot: true });
    await waitUntil(() => erp.caughtUps().length === 1, 'caughtUp');
    expect(erp.caughtUps()[0]).toEqual({ streams: { erp: 1 } });
  });

  it('answers a replay older than retention with a snapshot, never a gap', async () => {
    const gateway = await startTestGateway({ retention: 2 });
    const erp = await connectClient(gateway.erpUrl);
    await erp.subscribe({ erp: 0 });
    for (let i = 0; i < 5; i++) gateway.scenario.inspectionFailure();
    await waitUntil(() => erp.events().length === 5, 'five live events');
    const ack = await erp.socket.timeout(5000).emitWithAck('replay', { stream: 'erp', afterSeq: 1 });
    expect(ack).toEqual({ ok: true, snapshot: true });
    await waitUntil(() => erp.snapshots().length === 2, 'the second snapshot');
    expect(erp.snapshots()[1]?.streams).toEqual({ erp: 5 });
    expect(applyLikeAConnector(erp, 'erp')).toEqual({ cursor: 5, gaps: [], duplicates: [] });
  });

  it('sends a live subscriber a snapshot when one commit outruns retention', async () => {
    const gateway = await startTestGateway({ retention: 10 });
    const erp = await connectClient(gateway.erpUrl);
    await erp.subscribe({ erp: 0 });
    await waitUntil(() => erp.caughtUps().length === 1, 'caughtUp');
    gateway.scenario.inspectionFailure();
    gateway.scenario.burst(300);
    await waitUntil(() => applyLikeAConnector(erp, 'erp').cursor === 301, 'the cursor at the head');
    expect(applyLikeAConnector(erp, 'erp')).toEqual({ cursor: 301, gaps: [], duplicates: [] });
    expect(erp.snapshots().length).toBeGreaterThan(1);
  });
});

describe('live streaming', () => {
  it('delivers a burst to every subscriber in order, batches of at most 500', async () => {
    const gateway = await startTestGateway();
    const clients = [await connectClient(gateway.erpUrl), await connectClient(gateway.erpUrl)];
    for (const client of clients) await client.subscribe({ erp: 0 });
    await Promise.all(clients.map((client) => waitUntil(() => client.caughtUps().length === 1, 'caughtUp')));
    const lotIds = gateway.scenario.burst(600);
    expect(new Set(lotIds).size).toBe(600);
    for (const client of clients) {
      await waitUntil(() => client.events().length === 600, 'the whole burst', 10_000);
      expect(seqs(client.events())).toEqual(range(1, 600));
      expect(client.events().map((event) => event.correlationId)).toEqual(lotIds);
      const sizes = client.received.flatMap((message) => (message.kind === 'events' ? [message.batch.length] : []));
      expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
    }
  });

  it('resumes a reconnecting client exactly after the cursor it applied', async () => {
    const gateway = await startTestGateway();
    const first = await connectClient(gateway.erpUrl);
    await first.subscribe({ erp: 0 });
    for (let i = 0; i < 3; i++) gateway.scenario.inspectionFailure();
    await waitUntil(() => first.events().length === 3, 'three live events');
    first.close();
    for (let i = 0; i < 2; i++) gateway.scenario.inspectionFailure();
    const again = await connectClient(gateway.erpUrl);
    expect(await again.subscribe({ erp: 3 })).toEqual({ ok: true, snapshot: false });
    await waitUntil(() => again.caughtUps().length === 1, 'caughtUp');
    expect(seqs(again.events())).toEqual([4, 5]);
    expect(again.caughtUps()[0]).toEqual({ streams: { erp: 5 } });
  });
});

describe('raw faults', () => {
  it('appendRaw stores a valid envelope with any type or payload and streams it', async () => {
    const gateway = await startTestGateway();
    const plant = await connectClient(gateway.plantUrl('P1'));
    await plant.subscribe({ 'qms.P1': 0 });
    const unknownType = gateway.scenario.appendRaw('qms.P1', 'lot.teleported', { lotId: 'L-000101' });
    const badPayload = gateway.scenario.appendRaw('qms.P1', 'inspection.passed', { lotId: 42 });
    await waitUntil(() => plant.events().length === 2, 'two raw events');
    expect(plant.events()).toEqual([unknownType, badPayload]);
    expect(parseEvent(unknownType)).toMatchObject({ ok: false, reason: expect.stringMatching(/^type:/) as unknown });
    expect(parseEvent(badPayload)).toMatchObject({ ok: false, reason: expect.stringMatching(/^payload\.lotId/) as unknown });
    expect(() => gateway.scenario.appendRaw('qms.P9', 'x', {})).toThrow(/stream/);
  });

  it('emitRaw reaches only the subscribers of that namespace and is not stored', async () => {
    const gateway = await startTestGateway();
    const plant = await connectClient(gateway.plantUrl('P1'));
    const erp = await connectClient(gateway.erpUrl);
    const idle = await connectClient(gateway.plantUrl('P1'));
    await plant.subscribe({ 'qms.P1': 0 });
    await erp.subscribe({ erp: 0 });
    gateway.scenario.emitRaw('plant/P1', { not: 'an event' });
    gateway.scenario.emitRaw('plant/P1', 'just a string');
    await waitUntil(() => plant.received.filter((message) => message.kind === 'events').length === 2, 'raw messages');
    const raw = plant.received.flatMap((message) => (message.kind === 'events' ? [message.batch] : []));
    expect(raw).toEqual([[{ not: 'an event' }], ['just a string']]);
    expect(gateway.inspect.streamHead('qms.P1')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(erp.events()).toEqual([]);
    expect(idle.received).toEqual([]);
  });
});
