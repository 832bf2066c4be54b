// The planning data a snapshot sends in parts: collected in order, then merged into one dataset.
import { describeZodError } from '../../shared/describe-error';
import { snapshotPartSchema, type PlanningChunk } from '../../shared/sync-protocol';
import type { PlanningDataset } from '../store/planning-repo';

const tables = ['plants', 'items', 'bomLines', 'suppliers', 'poLines', 'productionOrders', 'customerOrders', 'lots', 'transfers', 'lanes', 'safetyStocks', 'lines', 'routings'] as const;

export type PartOutcome = { done: false } | { done: true; dataset: PlanningDataset } | { error: string };

/** Collects the parts of one snapshot; any part out of order or invalid fails the whole snapshot. */
export function createPlanningParts(expected: number) {
  const chunks: PlanningChunk[] = [];
  return {
    add(raw: unknown): PartOutcome {
      const parsed = snapshotPartSchema.safeParse(raw);
      if (!parsed.success) return { error: `snapshotPart: ${describeZodError(parsed.error)}` };
      const { part, of, planning } = parsed.data;
      if (of !== expected || part !== chunks.length + 1) return { error: `snapshotPart: got part ${part} of ${of}, expected part ${chunks.length + 1} of ${expected}` };
      chunks.push(planning);
      return chunks.length < expected ? { done: false } : mergeChunks(chunks);
    },
  };
}

function mergeChunks(chunks: readonly PlanningChunk[]): PartOutcome {
  const today = chunks.find((chunk) => chunk.today !== undefined)?.today;
  if (today === undefined) return { error: 'snapshotPart: today: no part carries the planning date' };
  const dataset: PlanningDataset = { today, plants: [], items: [], bomLines: [], suppliers: [], poLines: [], productionOrders: [], customerOrders: [], lots: [], transfers: [], lanes: [], safetyStocks: [], lines: [], routings: [] };
  for (const chunk of chunks) for (const table of tables) for (const row of chunk[table] ?? []) (dataset[table] as unknown[]).push(row);
  // Units and currency usually come with the master data; a gateway may send them with the plan too.
  const units = chunks.flatMap((chunk) => chunk.units ?? []);
  if (units.length > 0) dataset.units = units;
  const currency = chunks.find((chunk) => chunk.currency !== undefined)?.currency;
  if (currency !== undefined) dataset.currency = currency;
  return { done: true, dataset };
}
