// The seeded master data and opening stock the simulator starts a new database with.
import type { StockType } from '../shared/domain';
import { createRandom, type Random } from './random';
import type { ItemRecord, LotRecord, PlantRecord, SupplierRecord } from './records';

export interface Dataset {
  plants: PlantRecord[];
  suppliers: SupplierRecord[];
  items: ItemRecord[];
  lots: LotRecord[];
  /** Lots in quality inspection whose inspection failed and that wait for a usage decision. */
  openInspections: { lotId: string; inspectionLotId: string; defectCode: string; defectText: string; hoursAgo: number }[];
  /** The last numbers used for lot and inspection lot ids, so new ones continue after them. */
  lastNumbers: { lot: number; inspectionLot: number };
}

export const plants: readonly PlantRecord[] = [
  { id: 'P1', name: 'Plant 1 — High-volume standard' },
  { id: 'P2', name: 'Plant 2 — Custom configurations' },
  { id: 'P3', name: 'Plant 3 — Overflow and regional' },
];

export const suppliers: readonly SupplierRecord[] = [
  { id: 'S-100', name: 'Keller Gusstechnik GmbH' },
  { id: 'S-110', name: 'Nordfast Fasteners AB' },
  { id: 'S-120', name: 'Precision Seals Ltd' },
  { id: 'S-130', name: 'Iberia Metal Components S.L.' },
  { id: 'S-140', name: 'Great Lakes Hydraulics Inc.' },
];

export const items: readonly ItemRecord[] = [
  { id: 'M-1001', description: 'Hydraulic valve body, cast', unit: 'EA', supplierId: 'S-100' },
  { id: 'M-1002', description: 'Pump housing, ductile iron, machined', unit: 'EA', supplierId: 'S-100' },
  { id: 'M-1003', description: 'Cylinder end cap, cast aluminium', unit: 'EA', supplierId: 'S-100' },
  { id: 'M-1004', description: 'Manifold block, EN-GJS-400', unit: 'EA', supplierId: 'S-100' },
  { id: 'M-1005', description: 'M8 hex bolt, zinc plated', unit: 'EA', supplierId: 'S-110' },
  { id: 'M-1006', description: 'M12 hex nut, class 8, zinc flake', unit: 'EA', supplierId: 'S-110' },
  { id: 'M-1007', description: 'M6 socket head cap screw, A2 stainless', unit: 'EA', supplierId: 'S-110' },
  { id: 'M-1008', description: 'Washer DIN 125, 10.5 mm, steel', unit: 'EA', supplierId: 'S-110' },
  { id: 'M-1009', description: 'Dowel pin 6 x 20 mm, hardened', unit: 'EA', supplierId: 'S-110' },
  { id: 'M-1010', description: 'O-ring 32 x 2.5 mm, NBR 70', unit: 'EA', supplierId: 'S-120' },
  { id: 'M-1011', description: 'Rod seal 40 mm, polyurethane', unit: 'EA', supplierId: 'S-120' },
  { id: 'M-1012', description: 'Wiper seal 40 mm, PU', unit: 'EA', supplierId: 'S-120' },
  { id: 'M-1013', description: 'Flat gasket, aramid fibre, DN50', unit: 'EA', supplierId: 'S-120' },
  { id: 'M-1014', description: 'Steel bar 42CrMo4, 50 mm round', unit: 'M', supplierId: 'S-130' },
  { id: 'M-1015', description: 'Hydraulic tube 12 x 1.5 mm, E235', unit: 'M', supplierId: 'S-130' },
  { id: 'M-1016', description: 'Chrome-plated piston rod 40 mm', unit: 'M', supplierId: 'S-130' },
  { id: 'M-1017', description: 'Aluminium sheet 3 mm, 5754-H22', unit: 'KG', supplierId: 'S-130' },
  { id: 'M-1018', description: 'Steel coil DC01, 1.5 mm', unit: 'KG', supplierId: 'S-130' },
  { id: 'M-1019', description: 'Brass bar CW614N, hexagon 22 mm', unit: 'KG', supplierId: 'S-130' },
  { id: 'M-1020', description: 'Powder coating RAL 5015, polyester', unit: 'KG', supplierId: 'S-130' },
  { id: 'M-1021', description: 'Directional control valve, 4/3, NG6', unit: 'EA', supplierId: 'S-140' },
  { id: 'M-1022', description: 'Gear pump 8 cm³/rev', unit: 'EA', supplierId: 'S-140' },
  { id: 'M-1023', description: 'Pressure relief valve cartridge, 210 bar', unit: 'EA', supplierId: 'S-140' },
  { id: 'M-1024', description: 'Hydraulic hose assembly, 1/2", 1.2 m', unit: 'EA', supplierId: 'S-140' },
  { id: 'M-1025', description: 'Pressure sensor 0–400 bar, 4–20 mA', unit: 'EA', supplierId: 'S-140' },
];

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

/** The opening stock mix: mostly free stock, some on inspection hold, a few blocked or moving. */
const openingStockMix: Readonly<Record<StockType, number>> = {
  unrestricted: 38,
  'quality-inspection': 10,
  blocked: 5,
  restricted: 4,
  'in-transit': 3,
};

export const firstLotNumber = 101;

export function formatLotId(n: number): string {
  return `L-${String(n).padStart(6, '0')}`;
}

export function formatInspectionLotId(n: number): string {
  return `IL-${String(n).padStart(6, '0')}`;
}

/** A quantity in the range a goods receipt of this unit usually has. */
export function typicalLotQuantity(random: Random, unit: ItemRecord['unit']): number {
  switch (unit) {
    case 'EA':
      return random.int(5, 200) * 10;
    case 'KG':
      return random.int(250, 10_000) / 10;
    case 'M':
      return random.int(20, 600);
  }
}

export function buildDataset(seed: number): Dataset {
  const random = createRandom(seed);
  const stockTypes = random.shuffle(
    Object.entries(openingStockMix).flatMap(([type, count]) => Array<StockType>(count).fill(type as StockType)),
  );
  // P1 is the high-volume plant, so it holds about half the stock.
  const plantWeights = ['P1', 'P1', 'P1', 'P2', 'P2', 'P3'];
  let inspectionLotNumber = firstLotNumber;
  const lots = stockTypes.map((stockType, index): LotRecord => {
    const item = random.pick(items);
    const lot: LotRecord = {
      lotId: formatLotId(firstLotNumber + index),
      itemId: item.id,
      plant: random.pick(plantWeights),
      quantity: typicalLotQuantity(random, item.unit),
      unit: item.unit,
      stockType,
      supplierId: item.supplierId,
      version: 1,
    };
    if (stockType === 'quality-inspection') lot.inspectionLotId = formatInspectionLotId(inspectionLotNumber++);
    return lot;
  });
  // About half the lots in quality inspection have already failed and wait for a usage decision.
  const openInspections = lots
    .filter((lot) => lot.inspectionLotId !== undefined && random.next() < 0.5)
    .map((lot) => {
      const defect = random.pick(defectCatalogue);
      return { lotId: lot.lotId, inspectionLotId: lot.inspectionLotId!, defectCode: defect.code, defectText: defect.text, hoursAgo: random.int(1, 72) };
    });
  return {
    plants: [...plants],
    suppliers: [...suppliers],
    items: [...items],
    lots,
    openInspections,
    lastNumbers: { lot: firstLotNumber + lots.length - 1, inspectionLot: inspectionLotNumber - 1 },
  };
}
