// Workstations on one gateway, as people at different desks: each a core with its own SQLite file,
// user and role, online before the test goes on. Closed together after each test.
import { gatewayConnectors } from '../../electron/gateway-connectors';
import { startRebalanceWorkerFromSource } from '../../orchestration-core/analysis/rebalancing/start-rebalance-worker';
import type { Core } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import type { Role } from '../../shared/domain';
import { quietLogger } from './core-parts';
import { waitFor } from './wait-for';

export interface Workstation {
  core: Core;
  as: { user: string };
}

export function createWorkstations(gatewayBaseUrl: () => string, databaseFile: (name: string) => string) {
  const cores: Core[] = [];
  return {
    /** `rebalancing`: the workstation runs the rebalancing worker and shows proposals. */
    async open(user: string, role: Role, options: { rebalancing?: boolean } = {}): Promise<Workstation> {
      const core = await createCore({
        databasePath: databaseFile(`${user}.sqlite`),
        user,
        role,
        connectors: gatewayConnectors(gatewayBaseUrl()),
        logger: quietLogger,
        ...(options.rebalancing ? { startRebalanceWorker: startRebalanceWorkerFromSource } : {}),
      });
      cores.push(core);
      const as = { user };
      await waitFor(`${user} online`, async () => (await core.handlers['connectors.status']({}, as)).every((c) => c.state === 'online'), 20_000);
      return { core, as };
    },
    /** The same workstation with its gateway out of reach: decisions queue in its outbox. */
    async openOffline(user: string, role: Role): Promise<Workstation> {
      const core = await createCore({ databasePath: databaseFile(`${user}.sqlite`), user, role, connectors: gatewayConnectors('http://127.0.0.1:9'), logger: quietLogger });
      cores.push(core);
      return { core, as: { user } };
    },
    async closeAll(): Promise<void> {
      await Promise.all(cores.splice(0).map((core) => core.close()));
    },
  };
}
