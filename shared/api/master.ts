// Company-wide master data the screens need to show figures right: the units of measure with their
// decimals, and the currency order values are in.
import { z } from 'zod';
import type { UnitOfMeasure } from '../units';

export interface MasterData {
  currency: string;
  units: UnitOfMeasure[];
}

export const masterArgSchemas = {
  'master.get': z.object({}),
} as const;

export interface MasterApi {
  'master.get': (args: Record<string, never>) => MasterData;
}
