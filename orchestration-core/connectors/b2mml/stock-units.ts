// The units a plant's message counts stock in (a lot's quantity, what an order consumed and produced,
// an item's base unit), read as master data's: a code master data has stands for itself, one an
// operator mapped (KGM at P1 is KG) for its unit; any other is refused, naming the code, because a
// quantity in a unit nobody knows cannot be added to stock. Test results keep their own units (mm, pH).
import { unknownUnitWords } from '../../../shared/unknown-unit';
import { reject } from './xml-element';
import type { EventDraft } from './event-draft';

/** Answers which unit of master data a plant's code stands for: the code itself, a mapped unit, or none. */
export interface StockUnits {
  unitOf(plant: string | undefined, code: string): string | undefined;
  /** Master data's units, for the refusal to list. */
  known(): readonly string[];
}


interface WithUnit {
  unit?: string | undefined;
}

export function withStockUnits(draft: EventDraft, plant: string | undefined, units: StockUnits): EventDraft {
  const read = <T extends WithUnit>(part: T): T => {
    if (part.unit === undefined) return part;
    const unit = units.unitOf(plant, part.unit);
    if (unit === undefined) reject(draft.path, `${unknownUnitWords(part.unit)} (${units.known().join(', ')}); an operator maps it in Monitor › Dead letters`);
    return unit === part.unit ? part : { ...part, unit };
  };
  switch (draft.type) {
    case 'lot.reported':
      return { ...draft, payload: { ...read(draft.payload), subLots: draft.payload.subLots?.map(read) } };
    case 'production.released':
      return { ...draft, payload: { ...draft.payload, materials: draft.payload.materials.map(read) } };
    case 'production.completed':
      return { ...draft, payload: { ...read(draft.payload), consumed: draft.payload.consumed?.map(read), produced: draft.payload.produced?.map(read) } };
    case 'master.changed':
      return { ...draft, payload: read(draft.payload) };
    default:
      return draft;
  }
}
