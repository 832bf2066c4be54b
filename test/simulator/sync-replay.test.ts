import { afterEach, describe, expect, it } from 'vitest';
import { parseEvent } from '../../shared/events';
import { snapshotSchema } from '../../shared/sync-protocol';
import { startGateway } from '../../simulator/gateway';
import { closeAll, connectClient, range, seqs, startTestGateway, tempDatabasePath, waitUntil } from './harness';

afterEach(closeAll);

describe('subscribe', () => {
  it('gives a new client a snapshot at the heads, then caughtUp, then live events', async () => {
    const gateway = await startTestGateway();
    const first = gateway.scenario.inspectionFailure();
    gateway.scenario.inspectionFailure();
    const plant = await connectClient(gateway.plantUrl('P1'));
    expect(await plant.subscribe({ 'qms.P1': 0, 'mes.P1': 0 })).toEqual({ ok: true, snapshot: true });
    await waitUntil(() => plant.caughtUps().length === 1, 'caughtUp');
    expect(plant.received.map((message) => message.kind)).toEqual(['snapshot', 'caughtUp']);

    const snapshot = snapshotSchema.parse(plant.snapshots()[0]);
    expect(snapshot.streams).toEqual({ 'qms.P1': 2, 'mes.P1': 0 });
    expect(plant.caughtUps()[0]).toEqual({ streams: { 'qms.P1': 2, 'mes.P1': 0 } });
    expect(snapshot.plants.map((p) => p.id)).toEqual(['P1', 'P2', 'P3']);
    expect(snapshot.items.map((item) => item.id)).toEqual(gateway.inspect.items().map((item) => item.id));
    expect(snapshot.lots.length).toBeGreaterThan(40);
    expect(snapshot.lots.find((lot) => lot.lotId === first.lotId)).toMatchObject({
      stockType: 'quality-inspection',
      version: 2,
    });

    const next = gateway.scenario.inspectionFailure();
    gateway.scenario.consumeLot(next.lotId, 1);
    await waitUntil(() => plant.events().length === 2, 'two live events');
    expect(plant.events().map((event) => [event.stream, event.seq, event.type])).toEqual([
      ['qms.P1', 3, 'inspection.failed'],
      ['mes.P1', 1, 'lot.consumed'],
    ]);
    expect(plant.events().every((event) => parseEvent(event).ok)).toBe(true);
  });

  it('replays from a cursor in order without gaps or duplicates, caughtUp after the replay', async () => {
    const gateway = await startTestGateway();
    for (let i = 0; i < 5; i++) gateway.scenario.inspectionFailure();
    const erp = await connectClient(gateway.erpUrl);
    expect(await erp.subscribe({ erp: 2 })).toEqual({ ok: true, snapshot: false });
    await waitUntil(() => erp.caughtUps().length === 1, 'caughtUp');
    expect(seqs(erp.events())).toEqual([3, 4, 5]);
    expect(erp.received.at(-1)).toEqual({ kind: 'caughtUp', caughtUp: { streams: { erp: 5 } } });
    expect(erp.snapshots()).toEqual([]);

    gateway.scenario.inspectionFailure();
    await waitUntil(() => erp.events().length === 4, 'the live event');
    expect(seqs(erp.events())).toEqual([3, 4, 5, 6]);
    expect(erp.caughtUps()).toHaveLength(1);
  });

  it('replays each subscribed stream from its own cursor', async () => {
    const gateway = await startTestGateway();
    const lots = [0, 1, 2].map(() => gateway.scenario.inspectionFailure().lotId);
    for (const lotId of lots) gateway.scenario.consumeLot(lotId, 1);
    const plant = await connectClient(gateway.plantUrl('P1'));
    expect(await plant.subscribe({ 'qms.P1': 1, 'mes.P1': 2 })).toEqual({ ok: true, snapshot: false });
    await waitUntil(() => plant.caughtUps().length === 1, 'caughtUp');
    expect(seqs(plant.events('qms.P1'))).toEqual([2, 3]);
    expect(seqs(plant.events('mes.P1'))).toEqual([3]);
    expect(plant.caughtUps()[0]).toEqual({ streams: { 'qms.P1': 3, 'mes.P1': 3 } });
  });

  it('sends a long replay in batches of at most 500', async () => {
    const gateway = await startTestGateway();
    gateway.scenario.burst(1200);
    const erp = await connectClient(gateway.erpUrl);
    await erp.subscribe({ erp: 1 });
    await waitUntil(() => erp.caughtUps().length === 1, 'caughtUp', 10_000);
    const batches = erp.received.flatMap((message) => (message.kind === 'events' ? [message.batch.length] : []));
    expect(batches).toEqual([500, 500, 199]);
    expect(seqs(erp.events())).toEqual(range(2, 1200));
  });

  it('keeps streams, events and lots across a restart on the same file, and replays from the cursor', async () => {
    const databasePath = tempDatabasePath();
    const before = await startGateway({ databasePath });
    const failed = [0, 1, 2, 3].map(() => before.scenario.inspectionFailure());
    before.scenario.consumeLot(failed[0]?.lotId ?? '', 2);
    const storedBefore = before.inspect.events('erp');
    const lotBefore = before.inspect.lot(failed[0]?.lotId ?? '');
    await before.close();

    const after = await startTestGateway({ databasePath });
    expect(after.inspect.events('erp')).toEqual(storedBefore);
    expect(after.inspect.lot(failed[0]?.lotId ?? '')).toEqual(lotBefore);
    expect(after.inspect.streamHead('mes.P1')).toBe(1);
    const erp = await connectClient(after.erpUrl);
    expect(await erp.subscribe({ erp: 1 })).toEqual({ ok: true, snapshot: false });
    await waitUntil(() => erp.caughtUps().length === 1, 'caughtUp');
    expect(erp.events()).toEqual(storedBefore.slice(1));

    const next = after.scenario.inspectionFailure();
    await waitUntil(() => erp.events().length === 4, 'the event after the restart');
    expect(erp.events().at(-1)?.seq).toBe(5);
    // Ids continue, they do not restart from the seeded dataset.
    expect(failed.map((f) => f.lotId)).not.toContain(next.lotId);
    expect(new Set(after.inspect.events('erp').map((event) => event.id)).size).toBe(5);
  });

  it('gives a new database new event ids, so an app that synced with an old one never dedupes them away', async () => {
    const one = await startTestGateway();
    const two = await startTestGateway();
    one.scenario.inspectionFailure();
    two.scenario.inspectionFailure();
    const [a] = one.inspect.events('erp');
    const [b] = two.inspect.events('erp');
    expect(a?.seq).toBe(b?.seq);
    expect(a?.id).toMatch(/^erp-000001-[0-9a-f]{8}$/);
    expect(a?.id).not.toBe(b?.id);
  });
});

describe('replay request', () => {
  it('resends from afterSeq when the client saw a gap', async () => {
    const gateway = await startTestGateway();
    const erp = await connectClient(gateway.erpUrl);
    await erp.subscribe({ erp: 0 });
    for (let i = 0; i < 3; i++) gateway.scenario.inspectionFailure();
    await waitUntil(() => erp.events().length === 3, 'three live events');

    const ack = await erp.socket.timeout(5000).emitWithAck('replay', { stream: 'erp', afterSeq: 1 });
    expect(ack).toEqual({ ok: true, snapshot: false });
    await waitUntil(() => erp.events().length === 5, 'the replayed events');
    expect(seqs(erp.events())).toEqual([1, 2, 3, 2, 3]);

    // The pump carries on from the replayed position: the next live event is 4, once.
    gateway.scenario.inspectionFailure();
    await waitUntil(() => erp.events().length === 6, 'the next live event');
    expect(erp.events().at(-1)?.seq).toBe(4);
    expect(erp.caughtUps()).toHaveLength(1);
  });

  it('refuses a replay of a stream the socket did not subscribe to, and a malformed one', async () => {
    const gateway = await startTestGateway();
    const plant = await connectClient(gateway.plantUrl('P1'));
    await plant.subscribe({ 'qms.P1': 0 });
    const notSubscribed = await plant.socket.timeout(5000).emitWithAck('replay', { stream: 'mes.P1', afterSeq: 0 });
    expect(notSubscribed).toEqual({ ok: false, error: expect.stringContaining('mes.P1') as unknown });
    const malformed = await plant.socket.timeout(5000).emitWithAck('replay', { stream: 'qms.P1', afterSeq: 'x' });
    expect(malformed).toEqual({ ok: false, error: expect.stringMatching(/^afterSeq:/) as unknown });
  });
});
