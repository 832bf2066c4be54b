// A plant that counts in a unit code master data does not have (KGM for KG), on real workstations (an
// operator, a planner and a supervisor, each a core with its own SQLite file, on one gateway): every
// station dead-letters the plant's report naming the code; the operator maps it once; the mapping
// comes back on the plant's stream, and every station replays the report by it, so the scrap spike it
// carries alerts everywhere, quality and maintenance are notified once, and the trail says who mapped
// what. A report after the mapping is read by it directly, and a station that joins later knows it too.
import { describe, expect, it } from 'vitest';
import { mesStream } from '../../simulator/streams';
import { performanceMessage } from '../helpers/performance-message';
import { useOneClockPlant } from '../helpers/one-clock-plant';
import { waitFor } from '../helpers/wait-for';
import type { Workstation } from '../helpers/workstations';

const unknownUnit = 'unit of measure "KGM" is not in master data';

describe('a plant unit code mapped once, read the same on every workstation', () => {
  const plant = useOneClockPlant();
  const { stations } = plant;

  it('dead-lettered everywhere, mapped by the operator, replayed everywhere by the mapping, notified once', async () => {
    const operator = await stations.open('op.lena', 'operator');
    const planner = await stations.open('pl.omar', 'planner');
    const supervisor = await stations.open('sv.ines', 'supervisor');
    const all: [string, Workstation][] = [['operator', operator], ['planner', planner], ['supervisor', supervisor]];
    const order = { id: 'MO-KGM-1', itemId: 'RM-100', plant: 'P1' };
    plant.gateway.scenario.plantMessage('P1', performanceMessage(order, 10, 90, 'KGM'));

    // Support's view of each station: the planner's own has no Monitor, so its trail speaks for it.
    const support = [operator, supervisor];
    const lettersOf = async (station: Workstation) => (await station.core.handlers['monitor.deadLetters']({}, station.as)).filter((row) => row.reason.includes(unknownUnit));
    const trailOf = async (station: Workstation) => (await station.core.handlers['audit.entries']({}, station.as)).rows;
    for (const station of support) {
      await waitFor(`the report dead-lettered on ${station.as.user}'s station`, async () => (await lettersOf(station)).length === 1, 20_000);
    }
    const [letter] = (await operator.core.handlers['monitor.deadLetters']({ open: true }, operator.as)).filter((row) => row.reason.includes(unknownUnit));
    expect(letter!.reason).toMatch(/^b2mml: OperationsPerformance\[0\]\.OperationsResponse\[0\]: unit of measure "KGM" is not in master data \(EA, KG, L, M, PC\)/);
    expect(await operator.core.handlers['alerts.list']({}, operator.as)).toEqual([]);

    // Only support maps a plant's units, and only to a unit master data has.
    const mapUnit = (station: Workstation, code: string, unit: string) => station.core.handlers['monitor.mapUnit']({ plant: 'P1', code, unit }, station.as);
    await expect(async () => mapUnit(planner, 'KGM', 'KG')).rejects.toThrow(/^role: /);
    await expect(async () => mapUnit(operator, 'KGM', 'KGS')).rejects.toThrow(/^unit: KGS is not a unit of measure in master data \(EA, KG, L, M, PC\)/);
    await expect(async () => mapUnit(operator, 'EA', 'PC')).rejects.toThrow(/^code: EA is a unit of master data itself/);
    expect((await operator.core.handlers['monitor.unitMappings']({}, operator.as)).units).toEqual(['EA', 'KG', 'L', 'M', 'PC']);
    await mapUnit(operator, 'KGM', 'KG');

    for (const station of support) {
      await waitFor(`the report replayed on ${station.as.user}'s station`, async () => (await lettersOf(station))[0]?.resolution === 'replayed', 20_000);
      const [replayed] = await lettersOf(station);
      expect(replayed!.resolvedBy).toBe('op.lena');
      expect(replayed!.resolutionNote).toBe('applied; KGM mapped to KG at P1 by op.lena');
      const { rows } = await station.core.handlers['monitor.instances']({ show: 'all' }, station.as);
      expect(rows.filter((row) => row.workflow === 'production-completed').map((row) => [row.correlationKey, row.status])).toEqual([[order.id, 'completed']]);
    }
    for (const [name, station] of all) {
      const alerts = await waitFor(`the alert on the ${name}'s station`, async () => {
        const listed = await station.core.handlers['alerts.list']({}, station.as);
        return listed.length > 0 ? listed : undefined;
      }, 20_000);
      expect(alerts.map((alert) => alert.subject)).toEqual([expect.stringContaining(`Scrap spike on ${order.id}`)]);
      const trail = await trailOf(station);
      expect(trail.filter((entry) => entry.action === 'unit mapped').map((entry) => [entry.actor, entry.subject, entry.correlationId])).toEqual([['op.lena', 'P1 KGM', 'P1 KGM']]);
      // The command that asked for it is filed under the same flow.
      if (station === operator) expect(trail.filter((entry) => entry.action === 'command plant.mapUnit').map((entry) => entry.correlationId)).toEqual(['P1 KGM']);
      // The replay and the workflow it started are one flow: the production order's.
      expect(trail.find((entry) => entry.action === 'dead letter replayed')!.correlationId).toBe(order.id);
      expect(trail.find((entry) => entry.action === 'scrap spike')!.correlationId).toBe(order.id);
    }
    expect((await operator.core.handlers['monitor.unitMappings']({}, operator.as)).mappings).toEqual([{ plant: 'P1', code: 'KGM', unit: 'KG', mappedBy: 'op.lena', mappedAt: expect.any(String) }]);
    await expect(async () => mapUnit(operator, 'KGM', 'KG')).rejects.toThrow(/^code: KGM at P1 is mapped to KG already/);

    // Once upstream: the mapping, and each notification the replayed report raised (three stations sent them).
    await waitFor('the notifications upstream', () => plant.gateway.inspect.commands().filter((command) => command.type === 'notification.create').length === 2, 20_000);
    const commands = plant.gateway.inspect.commands();
    expect(commands.filter((command) => command.type === 'plant.mapUnit').map((command) => command.status)).toEqual(['accepted']);
    expect(plant.gateway.inspect.events(mesStream('P1')).filter((event) => event.type === 'plant.unitMapped')).toHaveLength(1);

    // A station that joins now learns the mapping from its snapshot; a report after it is read by it at
    // once, on every station, its quantities in master data's unit.
    const late = await stations.open('qe.anna', 'quality-engineer');
    await waitFor('the late station synced', async () => (await late.core.handlers['connectors.status']({}, late.as)).every((status) => status.state === 'online'), 20_000);
    const second = { ...order, id: 'MO-KGM-2' };
    plant.gateway.scenario.plantMessage('P1', performanceMessage(second, 5, 95, 'KGM'));
    for (const station of [operator, late]) {
      const alert = await waitFor(`the second report's alert on ${station.as.user}'s station`, async () => (await station.core.handlers['alerts.list']({}, station.as)).find((row) => row.subject.includes(second.id)), 20_000);
      expect(alert.scrapSpike).toMatchObject({ unit: 'KG', scrapQuantity: 95 });
    }
    expect((await operator.core.handlers['monitor.deadLetters']({ open: true }, operator.as)).filter((row) => row.reason.includes('KGM'))).toEqual([]);
  }, 90_000);
});
