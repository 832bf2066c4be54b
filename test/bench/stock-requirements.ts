// The stock/requirements list and its pegging at scale: the busiest item-plant's list, then 200 random
// item-plants each listed, pegged up from a random receipt to the customer orders at the top, and a
// late customer order explained down to its receipt (issue 13: each under 50 ms p95 at scale 10).
import { explainLate } from '../../orchestration-core/analysis/late-explanation';
import { pegUp } from '../../orchestration-core/analysis/pegging-up';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import { compareScenarios, type Scenario } from '../../orchestration-core/analysis/scenarios';
import { dateOf, dayOf } from '../../shared/plan-days';
import { datasetMaster, stockRequirements } from '../../orchestration-core/analysis/stock-requirements';
import { generateDataset } from '../../simulator/planning/generate-dataset';
import { createRandom } from '../../simulator/random';
import { figure, percentile, report, timed } from './report';

const targets = { listP95Ms: 50, peggingP95Ms: 50, compareThreeP95Ms: 200 };
const samples = 200;

const p95 = (values: number[]) => percentile([...values].sort((a, b) => a - b), 95);

export function benchStockRequirements(scale: number): void {
  console.log(`\n# stock/requirements and pegging, scale ${scale}`);
  const dataset = generateDataset({ seed: 1, scale });
  const [index, buildMs] = timed(() => new PlanIndex(dataset, dataset.today));
  figure('plan index built', buildMs, 'ms');
  const master = datasetMaster(dataset);

  // Item-plants by how many rows their list has: demands and supplies.
  const rowsOf = new Map<string, number>();
  const bump = (itemId: string, plant: string) => rowsOf.set(`${itemId}@${plant}`, (rowsOf.get(`${itemId}@${plant}`) ?? 0) + 1);
  for (const line of dataset.poLines) bump(line.itemId, line.plant);
  for (const order of dataset.productionOrders) {
    bump(order.itemId, order.plant);
    for (const component of order.components) bump(component.itemId, order.plant);
  }
  for (const order of dataset.customerOrders) bump(order.itemId, order.plant);
  const keys = [...rowsOf.keys()];
  const busiest = keys.reduce((best, key) => (rowsOf.get(key)! > rowsOf.get(best)! ? key : best));
  const [busyItem, busyPlant] = busiest.split('@') as [string, string];
  const busyTimes: number[] = [];
  let busyRows = 0;
  for (let i = 0; i < 50; i++) {
    const [list, ms] = timed(() => stockRequirements(index, master, busyItem, busyPlant)!);
    busyRows = list.rows.length;
    busyTimes.push(ms);
  }
  report(`busiest item-plant's list (${busiest}, ${busyRows} rows) p95`, p95(busyTimes), 'ms', targets.listP95Ms, false);

  const random = createRandom(scale * 1000 + 13);
  const listTimes: number[] = [];
  const upTimes: number[] = [];
  let toTop = 0;
  for (let i = 0; i < samples; i++) {
    const [itemId, plant] = random.pick(keys).split('@') as [string, string];
    const [list, listMs] = timed(() => stockRequirements(index, master, itemId, plant)!);
    listTimes.push(listMs);
    const receipts = list.rows.filter((row) => row.kind === 'po-line' || row.kind === 'production-output' || row.kind === 'transfer-in');
    if (receipts.length === 0) continue;
    const receipt = random.pick(receipts);
    const [up, upMs] = timed(() => pegUp(index, itemId, plant, receipt.document));
    upTimes.push(upMs);
    toTop += up?.customerOrders.length ?? 0;
  }
  report(`stock/requirements list, ${samples} random item-plants, p95`, p95(listTimes), 'ms', targets.listP95Ms, false);
  report(`pegging up to the top, ${upTimes.length} receipts, p95`, p95(upTimes), 'ms', targets.peggingP95Ms, false);
  figure('  customer orders reached at the top, mean', toTop / Math.max(1, upTimes.length), 'orders');

  const plan = index.plan();
  const late = dataset.customerOrders.filter((order) => (plan.customerOrders.get(order.id)?.daysLate ?? 1) !== 0);
  const downTimes: number[] = [];
  let depth = 0;
  for (let i = 0; i < Math.min(samples, late.length); i++) {
    const order = random.pick(late);
    const [explained, ms] = timed(() => explainLate(index, order.id)!);
    downTimes.push(ms);
    depth += explained.steps.length;
  }
  figure(`late customer orders (${late.length} of ${dataset.customerOrders.length})`, late.length, 'orders');
  report(`pegging down: late order explained, ${downTimes.length} orders, p95`, p95(downTimes), 'ms', targets.peggingP95Ms, false);
  figure('  steps per explanation, mean', depth / Math.max(1, downTimes.length), 'steps');

  // Three scenarios side by side, each a supplier delay and, in two, a response that expedites another line.
  const withAsn = dataset.poLines.filter((line) => line.asnId !== null);
  const comparisons: number[] = [];
  let ordersCompared = 0;
  for (let i = 0; i < 20; i++) {
    const scenarios: Scenario[] = [0, 1, 2].map((n) => {
      const line = random.pick(withAsn);
      const other = random.pick(withAsn);
      return {
        id: `S-${i}-${n}`,
        name: `scenario ${n}`,
        steps: [
          { kind: 'delay', poLineId: line.id, newDate: dateOf(dayOf(line.expectedDate) + 20) },
          ...(n === 0 ? [] : [{ kind: 'response' as const, label: `Expedite ${other.id}`, changes: [{ kind: 'poLine' as const, poLine: { ...other, expectedDate: dateOf(dayOf(other.expectedDate) - 5) } }] }]),
        ],
      };
    });
    const [compared, ms] = timed(() => compareScenarios(index, scenarios, () => undefined));
    comparisons.push(ms);
    ordersCompared += compared.customerOrders.length;
  }
  report('three scenarios compared, 20 times, p95', p95(comparisons), 'ms', targets.compareThreeP95Ms, false);
  figure('  customer orders compared per comparison, mean', ordersCompared / comparisons.length, 'orders');
}
