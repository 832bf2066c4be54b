// A gateway and its workstations on one clock the test moves: a shift that ends, a decision made just
// before it. Registers its own hooks (a fresh gateway and temp folder per test, all closed after), so
// a describe block calls it once and reads the parts through the returned object.
import { afterEach, beforeEach } from 'vitest';
import { startGateway, type Gateway, type GatewayOptions } from '../../simulator/gateway';
import { closeAll } from '../simulator/harness';
import { makeTempDir } from './temp-dir';
import { createWorkstations } from './workstations';

export interface OneClockPlant {
  /** The time the gateway and every workstation read, in ms; set it to move them all. */
  now: number;
  readonly clock: { now(): Date };
  readonly gateway: Gateway;
  readonly stations: ReturnType<typeof createWorkstations>;
}

/** `planningScale`: the gateway plays planning data of that scale (none by default); `rules`: the gateway's SLAs and tolerances. */
export function useOneClockPlant(options: { seed?: number; planningScale?: number; rules?: GatewayOptions['rules'] } = {}): OneClockPlant {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  let gateway: Gateway | undefined;
  const plant: OneClockPlant = {
    now: Date.now(),
    clock: { now: () => new Date(plant.now) },
    get gateway(): Gateway {
      if (!gateway) throw new Error('the gateway starts in beforeEach');
      return gateway;
    },
    stations: createWorkstations(
      () => plant.gateway,
      (name) => {
        if (!temp) throw new Error('the temp folder is made in beforeEach');
        return temp.file(name);
      },
    ),
  };
  beforeEach(async () => {
    temp = makeTempDir();
    plant.now = Date.now();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: options.seed ?? 5, clock: () => new Date(plant.now), ...(options.planningScale === undefined ? {} : { planningScale: options.planningScale }), ...(options.rules ? { rules: options.rules } : {}) });
  });
  afterEach(async () => {
    await plant.stations.closeAll();
    await closeAll();
    await gateway?.close();
    temp?.remove();
  });
  return plant;
}
