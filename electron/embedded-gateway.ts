// The gateway a host starts in-process when no connector is configured: the simulator, on a free
// loopback port with a per-launch token, its state in a SQLite file beside the core's.
import { randomBytes } from 'node:crypto';
import type { EmbeddedGateway, StartEmbeddedGateway } from '../orchestration-core/core-types';
import type { ConnectorSettings } from '../shared/settings';
import { startGateway, type GatewayOptions } from '../simulator/gateway';
import { erpStream, namespaceStreams, plantNamespace, simulatedPlants } from '../simulator/streams';

export interface EmbeddedSimulatorOptions {
  databasePath: string;
  seed?: number;
  /** How often the scenario fails an incoming inspection; 0: never, only the seeded open inspections. */
  inspectionFailureEveryMs?: number;
  /** Size of the ERP's planning dataset; default 1 (about 10,000 production orders). */
  planningScale?: number;
  /** Serve the simulator's control endpoints under this operator token; absent (the default): none. */
  controlToken?: string;
  /** The simulated ERP's SLAs and cycle-count tolerances: the app's settings, so the demonstration plant decides as they say. */
  rules?: GatewayOptions['rules'];
}

/** The embedded simulator is a demonstration plant: a new failed inspection every few minutes. */
export const defaultInspectionFailureEveryMs = 180_000;

export function embeddedSimulator(options: EmbeddedSimulatorOptions): StartEmbeddedGateway {
  return async (): Promise<EmbeddedGateway> => {
    const token = randomBytes(18).toString('base64url');
    const gateway = await startGateway({
      databasePath: options.databasePath,
      port: 0,
      host: '127.0.0.1',
      token,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      inspectionFailureEveryMs: options.inspectionFailureEveryMs ?? defaultInspectionFailureEveryMs,
      planningScale: options.planningScale ?? 1,
      ...(options.controlToken === undefined ? {} : { control: { operatorToken: options.controlToken } }),
      ...(options.rules ? { rules: options.rules } : {}),
    });
    const streams = namespaceStreams();
    const connectors: ConnectorSettings[] = [
      { id: 'erp', kind: 'erp', url: gateway.erpUrl, token, streams: [erpStream] },
      ...simulatedPlants.map(
        (plant): ConnectorSettings => ({
          id: `plant-${plant}`,
          kind: 'plant',
          url: gateway.plantUrl(plant),
          token,
          streams: [...(streams.get(plantNamespace(plant)) ?? [])],
        }),
      ),
    ];
    return { connectors, close: () => gateway.close() };
  };
}
