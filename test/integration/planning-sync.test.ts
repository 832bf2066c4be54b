// Planning data over the real gateway: a new workstation receives the ERP's dataset in parts and
// stores it whole, cursors with it; after a restart it is still there to plan from.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import type { Clock } from '../../orchestration-core/core-ports';
import type { Core } from '../../orchestration-core/core-types';
import { calendarDayOf } from '../../shared/plan-days';
import { createCore } from '../../orchestration-core/host';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { signInAs } from '../helpers/signed-in';

const planner = { user: 'pl.omar' };

describe('planning data over the real gateway', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  let core: Core | undefined;

  const count = (sql: string): number => {
    const db = new Database(temp.file('core.sqlite'), { readonly: true });
    try {
      return db.prepare(sql).pluck().get() as number;
    } finally {
      db.close();
    }
  };

  async function startCore(clock?: Clock): Promise<Core> {
    core = await createCore({ databasePath: temp.file('core.sqlite'), connectors: gatewayConnectors(gateway.baseUrl), logger: quietLogger, ...(clock ? { clock } : {}) });
    await signInAs(core, gateway, planner.user, 'planner');
    const started = core;
    await waitFor('connectors online', async () => (await started.handlers['connectors.status']({}, planner)).every((c) => c.state === 'online'), 20_000);
    return started;
  }

  beforeEach(async () => {
    temp = makeTempDir();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 5, planningScale: 0.2 });
  });
  afterEach(async () => {
    await core?.close();
    core = undefined;
    await gateway.close();
    temp.remove();
  });

  it('stores the whole planning dataset from the snapshot parts, and keeps it across a restart', async () => {
    await startCore();
    const dataset = gateway.inspect.planningDataset()!;
    expect(count('SELECT count(*) FROM production_orders')).toBe(dataset.productionOrders.length);
    expect(count('SELECT count(*) FROM production_components')).toBe(dataset.productionOrders.reduce((sum, o) => sum + o.components.length, 0));
    expect(count('SELECT count(*) FROM customer_orders')).toBe(dataset.customerOrders.length);
    expect(count('SELECT count(*) FROM po_lines')).toBe(dataset.poLines.length);
    // One set of lots for quality and planning: every lot of the ERP's is in the cache once.
    expect(count('SELECT count(*) FROM lots')).toBe(dataset.lots.length);
    expect(count('SELECT count(*) FROM planning_calendar')).toBe(1);

    await core!.close();
    core = undefined;
    await startCore();
    expect(count('SELECT count(*) FROM production_orders')).toBe(dataset.productionOrders.length);
  });

  it('plans from the calendar day: a workstation whose day is past the dataset\'s counts from today', async () => {
    const dataset = gateway.inspect.planningDataset()!;
    const later = new Date(`${dataset.today}T12:00:00`);
    later.setDate(later.getDate() + 3);
    const planningDay = () => {
      const db = new Database(temp.file('core.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT today FROM planning_calendar').pluck().get() as string;
      } finally {
        db.close();
      }
    };
    await startCore({ now: () => later });
    await waitFor('the plan moved to the workstation\'s day', async () => planningDay() === calendarDayOf(later));
    expect(planningDay() > dataset.today).toBe(true);
  });
});

