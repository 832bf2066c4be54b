// Company master data the formatters read: units of measure with their decimals, and the currency.
// Until the core answers, the standard units and no currency code.
import { create } from 'zustand';
import type { MasterData } from '../../shared/api/master';
import { standardUnits, type UnitOfMeasure } from '../../shared/units';

export interface MasterState {
  currency: string | null;
  units: readonly UnitOfMeasure[];
  masterLoaded(master: MasterData): void;
}

export const useMasterStore = create<MasterState>()((set) => ({
  currency: null,
  units: standardUnits,
  masterLoaded: (master) => set({ currency: master.currency, units: master.units }),
}));
