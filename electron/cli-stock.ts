// `stock` and `explain`: the stock/requirements list of an item at a plant with its pegging, and why
// an order is late, down to the receipt that makes it so, from a planning dataset file.
import { explainLate } from '../orchestration-core/analysis/late-explanation';
import { PlanIndex } from '../orchestration-core/analysis/plan-index';
import { datasetMaster, stockRequirements } from '../orchestration-core/analysis/stock-requirements';
import { CliUsageError, parseFlags } from './cli-args';
import { readDataset } from './cli-commands';

export function stockCommand(argv: readonly string[]): string {
  const flags = parseFlags(argv, ['dataset', 'item', 'plant'], ['dataset', 'item', 'plant']);
  const dataset = readDataset(flags.dataset!);
  if (!dataset.plants.some((plant) => plant.id === flags.plant)) throw new CliUsageError(`--plant: no plant "${flags.plant}" in ${flags.dataset}`);
  if (!dataset.items.some((item) => item.id === flags.item)) throw new CliUsageError(`--item: no item "${flags.item}" in ${flags.dataset}`);
  const list = stockRequirements(new PlanIndex(dataset, dataset.today), datasetMaster(dataset), flags.item!, flags.plant!);
  return JSON.stringify(list, null, 2);
}

export function explainCommand(argv: readonly string[]): string {
  const flags = parseFlags(argv, ['dataset', 'order'], ['dataset', 'order']);
  const dataset = readDataset(flags.dataset!);
  const master = datasetMaster(dataset);
  const explained = explainLate(new PlanIndex(dataset, dataset.today), flags.order!, (itemId) => master.item(itemId)?.unit ?? '');
  if (!explained) throw new CliUsageError(`--order: no customer order or production order "${flags.order}" in ${flags.dataset}`);
  return JSON.stringify(explained, null, 2);
}
