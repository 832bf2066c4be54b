// Lines and routings, as the production orders use them: each line's daily capacity is its busiest
// day's load with some headroom, and each manufactured item can be made on the lines its orders use,
// and for most items on one line of another plant too (an alternate a line stoppage can reroute to).
// They come last and from their own random stream, so the rest of a seed's dataset stays the same.
import type { LineCapacity, ProductionOrder, Routing } from '../../shared/dataset';
import { dayOf } from '../../shared/plan-days';
import { createRandom } from '../random';

/** Capacity over the busiest day's load: room for an order or two moved in from a stopped line. */
const headroom = 1.5;
const itemsWithAnAlternate = 0.7;

export function planLineCapacity(seed: number, productionOrders: readonly ProductionOrder[]): { lines: LineCapacity[]; routings: Routing[] } {
  const random = createRandom((seed ^ 0x11ae_ca9a) >>> 0);
  const loads = new Map<string, Map<number, number>>();
  const routingKeys = new Set<string>();
  for (const order of productionOrders) {
    const key = `${order.plant}/${order.line}`;
    const byDay = loads.get(key) ?? new Map<number, number>();
    loads.set(key, byDay);
    const days = Math.max(1, dayOf(order.dueDate) - dayOf(order.startDate) + 1);
    for (let day = dayOf(order.startDate); day <= dayOf(order.dueDate); day++) byDay.set(day, (byDay.get(day) ?? 0) + order.quantity / days);
    routingKeys.add(`${order.itemId}|${order.plant}|${order.line}`);
  }
  const lines: LineCapacity[] = [...loads.entries()]
    .map(([key, byDay]) => {
      const [plant, line] = key.split('/') as [string, string];
      return { plant, line, capacityPerDay: Math.ceil(Math.max(...byDay.values()) * headroom) };
    })
    .sort((a, b) => (a.plant + a.line < b.plant + b.line ? -1 : 1));
  const routings: Routing[] = [...routingKeys].map((key) => {
    const [itemId, plant, line] = key.split('|') as [string, string, string];
    return { itemId, plant, line };
  });
  const itemPlants = new Map<string, Set<string>>();
  for (const routing of routings) itemPlants.set(routing.itemId, (itemPlants.get(routing.itemId) ?? new Set()).add(routing.plant));
  for (const [itemId, plants] of [...itemPlants.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (random.next() >= itemsWithAnAlternate) continue;
    const elsewhere = lines.filter((candidate) => !plants.has(candidate.plant));
    if (elsewhere.length === 0) continue;
    const alternate = random.pick(elsewhere);
    routings.push({ itemId, plant: alternate.plant, line: alternate.line });
  }
  return { lines, routings: routings.sort((a, b) => (a.itemId + a.plant + a.line < b.itemId + b.plant + b.line ? -1 : 1)) };
}
