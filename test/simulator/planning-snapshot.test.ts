// The ERP namespace sends its planning data after the snapshot, in ordered parts of bounded size;
// plant namespaces send none; a gateway opened again keeps the dataset it generated.
import { afterEach, describe, expect, it } from 'vitest';
import { syncMessages, type PlanningChunk, type SnapshotPart } from '../../shared/sync-protocol';
import { recordsPerPart } from '../../simulator/planning/planning-store';
import { closeAll, connectClient, startTestGateway, tempDatabasePath, waitUntil } from './harness';

afterEach(closeAll);

const recordCount = (chunk: PlanningChunk) => Object.entries(chunk).reduce((sum, [key, rows]) => sum + (key === 'today' ? 0 : (rows as unknown[]).length), 0);

describe('planning snapshot', () => {
  it('follows the ERP snapshot with every planning record, in parts of at most the part size', async () => {
    const gateway = await startTestGateway({ planningScale: 0.2 });
    const client = await connectClient(gateway.erpUrl);
    const parts: SnapshotPart[] = [];
    client.socket.on(syncMessages.snapshotPart, (part: SnapshotPart) => parts.push(part));
    await client.subscribe({ erp: 0 });
    const [snapshot] = await waitUntil(() => (client.snapshots().length === 1 ? client.snapshots() : undefined), 'the snapshot');
    await waitUntil(() => parts.length === snapshot!.planningParts, 'every part');
    expect(snapshot!.planningParts).toBeGreaterThan(1);
    expect(parts.map((p) => p.part)).toEqual(Array.from({ length: parts.length }, (_, i) => i + 1));
    expect(parts.every((p) => p.of === parts.length && recordCount(p.planning) <= recordsPerPart)).toBe(true);

    const dataset = gateway.inspect.planningDataset()!;
    const merged = (table: keyof PlanningChunk) => parts.flatMap((p) => (p.planning[table] as unknown[] | undefined) ?? []);
    expect(parts[0]!.planning.today).toBe(dataset.today);
    for (const table of ['items', 'bomLines', 'poLines', 'productionOrders', 'customerOrders', 'transfers', 'lanes'] as const) {
      expect(merged(table), table).toHaveLength(dataset[table].length);
    }
    // Lots are the world's, for quality and planning alike: they come with the master data, not as planning records.
    expect(merged('lots')).toEqual([]);
    expect(snapshot!.lots.map((lot) => lot.lotId).sort()).toEqual(dataset.lots.map((lot) => lot.lotId).sort());
    expect(snapshot!.units).toEqual(dataset.units);
    expect(snapshot!.currency).toBe('EUR');
    expect(new Set(merged('productionOrders').map((o) => (o as { id: string }).id))).toEqual(new Set(dataset.productionOrders.map((o) => o.id)));
  });

  it('sends no planning parts on a plant namespace, nor from a gateway without planning data', async () => {
    const withPlanning = await startTestGateway({ planningScale: 0.05 });
    const plant = await connectClient(withPlanning.plantUrl('P1'));
    await plant.subscribe({ 'qms.P1': 0, 'mes.P1': 0 });
    const [snapshot] = await waitUntil(() => (plant.snapshots().length === 1 ? plant.snapshots() : undefined), 'the plant snapshot');
    expect(snapshot!.planningParts).toBe(0);

    const without = await startTestGateway();
    expect(without.inspect.planningDataset()).toBeNull();
    const erp = await connectClient(without.erpUrl);
    await erp.subscribe({ erp: 0 });
    const [erpSnapshot] = await waitUntil(() => (erp.snapshots().length === 1 ? erp.snapshots() : undefined), 'the ERP snapshot');
    expect(erpSnapshot!.planningParts).toBe(0);
  });

  it('keeps the dataset it generated when opened again', async () => {
    const databasePath = tempDatabasePath();
    const first = await startTestGateway({ databasePath, planningScale: 0.05 });
    const before = first.inspect.planningDataset();
    await first.close();
    const again = await startTestGateway({ databasePath, planningScale: 0.05 });
    expect(again.inspect.planningDataset()).toEqual(before);
  });
});
