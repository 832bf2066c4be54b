// Workstations on one gateway, as people at different desks: each a core with its own SQLite file,
// signed in as its user with their role on the gateway, online before the test goes on. Closed
// together after each test; a file opened again keeps its last session token, as Electron does.
import { gatewayConnectors } from '../../electron/gateway-connectors';
import { startRebalanceWorkerFromSource } from '../../orchestration-core/analysis/rebalancing/start-rebalance-worker';
import type { Clock } from '../../orchestration-core/core-ports';
import type { Core } from '../../orchestration-core/core-types';
import type { Policy } from '../../orchestration-core/engine/workflow';
import { createCore } from '../../orchestration-core/host';
import type { Gateway } from '../../simulator/gateway';
import type { Role } from '../../shared/domain';
import { quietLogger } from './core-parts';
import { memorySessionKeepers, signInAs } from './signed-in';
import { waitFor } from './wait-for';

export interface Workstation {
  core: Core;
  as: { user: string };
}

export function createWorkstations(gateway: () => Pick<Gateway, 'baseUrl' | 'identity' | 'inspect'>, databaseFile: (name: string) => string) {
  const cores: Core[] = [];
  const keeperOf = memorySessionKeepers();
  return {
    /** `rebalancing`: the workstation runs the rebalancing worker and shows proposals. */
    /** `sessionWatchMs`: how often the core looks whether the session ran out (tests that move the clock). */
    /** `policy`: the workstation's settings for thresholds and SLAs (the defaults otherwise). */
    async open(user: string, role: Role, options: { rebalancing?: boolean; clock?: Clock; sessionWatchMs?: number; policy?: Policy } = {}): Promise<Workstation> {
      const databasePath = databaseFile(`${user}.sqlite`);
      const core = await createCore({
        databasePath,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.sessionWatchMs ? { sessionWatchMs: options.sessionWatchMs } : {}),
        ...(options.policy ? { policy: options.policy } : {}),
        sessionKeeper: keeperOf(databasePath),
        connectors: gatewayConnectors(gateway().baseUrl),
        logger: quietLogger,
        ...(options.rebalancing ? { startRebalanceWorker: startRebalanceWorkerFromSource } : {}),
      });
      cores.push(core);
      const as = { user };
      if (core.caller()?.user !== user || core.caller()?.role !== role) await signInAs(core, gateway(), user, role);
      await waitFor(`${user} online`, async () => (await core.handlers['connectors.status']({}, as)).every((c) => c.state === 'online'), 20_000);
      return { core, as };
    },
    /**
     * The same workstation with its gateway out of reach: decisions queue in its outbox, under the
     * session it signed in with when it was last online (open it online first).
     */
    /** `signedOut`: the workstation was signed out when it closed, and opens on the sign-in screen. */
    async openOffline(user: string, options: { clock?: Clock; signedOut?: boolean } = {}): Promise<Workstation> {
      const databasePath = databaseFile(`${user}.sqlite`);
      const core = await createCore({ databasePath, ...(options.clock ? { clock: options.clock } : {}), sessionKeeper: keeperOf(databasePath), connectors: gatewayConnectors('http://127.0.0.1:9'), logger: quietLogger });
      cores.push(core);
      if (options.signedOut ? core.caller() !== null : core.caller()?.user !== user) throw new Error(`${user}'s workstation kept ${options.signedOut ? 'a' : 'no'} session: open it online${options.signedOut ? ' and sign out' : ''} first`);
      return { core, as: { user } };
    },
    /** The SQLite file a user's workstation keeps. */
    fileOf: (user: string): string => databaseFile(`${user}.sqlite`),
    async closeAll(): Promise<void> {
      await Promise.all(cores.splice(0).map((core) => core.close()));
    },
  };
}
