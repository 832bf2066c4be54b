// The simulated business as one world: the planning dataset's plants, suppliers, item master and lots
// are what quality inspects too, so a lot that fails is one the plan counts on. A few deliveries due
// soon at the played plant arrive in quality inspection and fail, as open inspections to decide.
import type { Dataset, PoLine } from '../shared/dataset';
import { dayOf } from '../shared/plan-days';
import type { UnitOfMeasure } from '../shared/units';
import { formatInspectionLotId, formatLotId } from './number-ranges';
import { generateDataset } from './planning/generate-dataset';
import { createRandom, type Random } from './random';
import type { ItemRecord, LotRecord, PlantRecord, SupplierRecord } from './records';
import { isSimulatedPlant } from './streams';

export interface Defect {
  code: string;
  text: string;
}

export const defectCatalogue: readonly Defect[] = [
  { code: 'DIM-OOT', text: 'Bore diameter out of tolerance (+0.04 mm)' },
  { code: 'DIM-FLAT', text: 'Flatness of mounting face 0.08 mm, limit 0.05 mm' },
  { code: 'SURF-PORO', text: 'Surface porosity on sealing face' },
  { code: 'SURF-SCR', text: 'Scratches on chrome surface deeper than 5 µm' },
  { code: 'THR-GO', text: 'Thread fails GO gauge (6H)' },
  { code: 'HARD-LOW', text: 'Hardness 38 HRC, specification 42–46 HRC' },
  { code: 'COAT-THK', text: 'Zinc coating thickness 4 µm, minimum 8 µm' },
  { code: 'MAT-CERT', text: 'Material certificate 3.1 does not match heat number' },
  { code: 'COC-MISS', text: 'Certificate of conformance missing' },
  { code: 'PKG-DMG', text: 'Packaging damaged, parts exposed to moisture' },
  { code: 'LEAK-TST', text: 'Leak test failed at 250 bar (3 of 20 samples)' },
];

/** The world a simulator plays without planning data (tests of quality alone): small, generated the same way. */
export const smallWorldScale = 0.02;

/** Seeded deliveries that failed incoming inspection and wait for a usage decision. */
const seededFailures = 6;
/** A delivery is "due soon" when expected within this many days: the plan counts on it. */
export const dueSoonDays = 14;

export interface OpenInspectionSeed {
  lotId: string;
  inspectionLotId: string;
  defectCode: string;
  defectText: string;
  hoursAgo: number;
}

export interface World {
  /** The ERP's planning data; its lots are the world's lots. */
  planning: Dataset;
  units: UnitOfMeasure[];
  currency: string;
  plants: PlantRecord[];
  suppliers: SupplierRecord[];
  items: ItemRecord[];
  lots: LotRecord[];
  openInspections: OpenInspectionSeed[];
  /** The last numbers of each range used, so new documents continue after them. */
  lastNumbers: { lot: number; inspectionLot: number; productionOrder: number; purchaseOrder: number; stoppage: number };
}

const numberOf = (id: string): number => Number(/(\d+)(?:\/\d+)?$/.exec(id)?.[1] ?? 0);

/** The highest number among the ids (0 for none); a loop, as a dataset at scale may hold a million. */
function highestNumber(ids: Iterable<string>): number {
  let highest = 0;
  for (const id of ids) highest = Math.max(highest, numberOf(id));
  return highest;
}

/** A quantity in the range a goods receipt of this unit usually has, whole for whole units. */
export function typicalLotQuantity(random: Random, decimals: number): number {
  return decimals === 0 ? random.int(5, 200) * 10 : random.int(250, 10_000) / 10;
}

/** A PO line the plan counts on soon at a played plant: what a goods receipt that fails inspection takes. */
export function isDueSoon(line: PoLine, todayDay: number): boolean {
  return isSimulatedPlant(line.plant) && dayOf(line.expectedDate) <= todayDay + dueSoonDays;
}

export function pickDefect(random: Random): Defect {
  return random.pick(defectCatalogue);
}

export function buildWorld(seed: number, scale: number, today: string): World {
  const planning = generateDataset({ seed, scale: scale > 0 ? scale : smallWorldScale, today });
  const random = createRandom(seed ^ 0x5eed);
  const itemById = new Map(planning.items.map((item) => [item.id, item]));
  const items: ItemRecord[] = planning.items.map((item) => ({ id: item.id, description: item.description, unit: item.unit, ...(item.supplierIds[0] ? { supplierId: item.supplierIds[0] } : {}) }));
  const supplierOf = (itemId: string) => itemById.get(itemId)?.supplierIds[0];
  let inspectionLot = 100;
  const lots: LotRecord[] = planning.lots.map((lot) => {
    const supplierId = supplierOf(lot.itemId);
    return {
      ...lot,
      unit: itemById.get(lot.itemId)!.unit,
      ...(supplierId ? { supplierId } : {}),
      version: 1,
      ...(lot.stockType === 'quality-inspection' ? { inspectionLotId: formatInspectionLotId(++inspectionLot) } : {}),
    };
  });

  // Deliveries the plan counted on for the next days came in and failed: they leave the PO lines, arrive as lots.
  const todayDay = dayOf(today);
  const dueSoon = random.shuffle(planning.poLines.filter((line) => isDueSoon(line, todayDay))).slice(0, seededFailures);
  const received = new Set(dueSoon.map((line) => line.id));
  let lotNumber = highestNumber(lots.map((lot) => lot.lotId));
  const openInspections: OpenInspectionSeed[] = dueSoon.map((line) => {
    const lotId = formatLotId(++lotNumber);
    const inspectionLotId = formatInspectionLotId(++inspectionLot);
    lots.push({ lotId, itemId: line.itemId, plant: line.plant, quantity: line.quantity, unit: itemById.get(line.itemId)!.unit, stockType: 'quality-inspection', supplierId: line.supplierId, version: 2, inspectionLotId });
    const defect = pickDefect(random);
    return { lotId, inspectionLotId, defectCode: defect.code, defectText: defect.text, hoursAgo: random.int(1, 72) };
  });
  planning.poLines = planning.poLines.filter((line) => !received.has(line.id));
  planning.lots = lots.map(({ lotId, itemId, plant, quantity, stockType }) => ({ lotId, itemId, plant, quantity, stockType }));

  return {
    planning,
    units: planning.units,
    currency: planning.currency,
    plants: planning.plants.map(({ id, name }) => ({ id, name })),
    suppliers: planning.suppliers.map(({ id, name }) => ({ id, name })),
    items,
    lots,
    openInspections,
    lastNumbers: {
      lot: lotNumber,
      inspectionLot,
      productionOrder: highestNumber(planning.productionOrders.map((order) => order.id)),
      purchaseOrder: Math.max(highestNumber(planning.poLines.map((line) => line.id.split('/')[0]!)), highestNumber([...received].map((id) => id.split('/')[0]!))),
      stoppage: 0,
    },
  };
}
