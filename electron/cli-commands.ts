// The commands of `npm run cli`: each takes its flags and returns what to print.
import { calendarDayOf } from '../shared/plan-days';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withLineStopped, withLotBlocked, withPoLineDelayed } from '../orchestration-core/analysis/disruptions';
import { planImpact } from '../orchestration-core/analysis/impact';
import type { Impact } from '../orchestration-core/model/impact';
import { computePlan } from '../orchestration-core/analysis/plan';
import { defaultRebalanceOptions, roundMoney, solveAll } from '../orchestration-core/analysis/rebalancing/rebalance';
import { translateB2mml } from '../orchestration-core/connectors/b2mml/translate';
import { describeZodError } from '../shared/describe-error';
import { datasetSchema, planDateSchema, type Dataset } from '../shared/dataset';
import { generateDataset } from '../simulator/planning/generate-dataset';
import { CliUsageError, integerFlag, numberFlag, parseFlags } from './cli-args';

/** The day `dataset` dates its plan from when no --today is given: the calendar day it runs on. */
const defaultDatasetToday = (): string => calendarDayOf(new Date());

/** The usage, with the defaults as they are at the time of asking (the dataset's day is today's). */
export const usage = (): string => `usage: npm run cli -- <command> [flags]
  dataset --out FILE [--seed N] [--scale S] [--today YYYY-MM-DD]
                                             write the planning dataset as JSON (defaults: seed 1, scale 1,
                                             today's date (${defaultDatasetToday()}))
  impact --dataset FILE --po-line ID --new-date YYYY-MM-DD
                                             print the orders a supplier delay makes later, as JSON
  impact --dataset FILE --lot ID             ... that blocking a lot makes later
  impact --dataset FILE --line PLANT/LINE --from YYYY-MM-DD --days N
                                             ... that a line stoppage makes later
  stock --dataset FILE --item ID --plant P  print the item's stock/requirements list at the plant as JSON:
                                             stock by stock type and lots, then every receipt and
                                             requirement in date order with the running available
                                             quantity; each requirement with the receipts pegged to it and
                                             the day it is covered, each receipt with what it covers
  explain --dataset FILE --order ID          print why a customer or production order is late, level by
                                             level down to the receipt that is late or missing, as JSON
  rebalance --dataset FILE [--horizon-days N] [--penalty X]
                                             print each item's rebalancing problem (plants' surplus and
                                             shortage, lanes' cost per unit with the lateness penalty X
                                             per unit-day) and its optimal solution, as JSON (defaults:
                                             horizon ${defaultRebalanceOptions.horizonDays} days, penalty ${defaultRebalanceOptions.latenessPenaltyPerUnitDay})
  b2mml FILE                                 print the canonical events a B2MML message (V0700 or V0401)
                                             maps to, as JSON; a message the adapter refuses exits with 2
  audit verify --db FILE [--head HASH | --gateway URL [--client-id ID] [--token T]]
                                             check a workstation's audit trail: prints its entries and head
                                             as JSON; a broken chain names the first entry edited, deleted or
                                             reordered, or (against the head the gateway last heard from the
                                             workstation, or --head) a tail cut off, and exits with 1; the
                                             token defaults to PLANT_GATEWAY_TOKEN, then dev-token
  outbox export --db FILE                    print the decisions a workstation's cache holds unsent (a
                                             cache moved aside), each command as queued, as JSON
  -h, --help                                 print this and exit (also after a command)
Flags are --flag value or --flag=value; a bad or missing flag is named and exits with 2.`;

export function datasetCommand(argv: readonly string[]): string {
  const flags = parseFlags(argv, ['seed', 'scale', 'out', 'today'], ['out']);
  // Dated from today unless asked otherwise, as the simulator dates its world from the day it starts.
  const today = flags.today === undefined ? defaultDatasetToday() : parseDate('today', flags.today);
  const dataset = generateDataset({ seed: integerFlag('seed', flags.seed, 1), scale: numberFlag('scale', flags.scale, 1), today });
  writeFileSync(flags.out!, JSON.stringify(dataset));
  const counts = ['items', 'poLines', 'productionOrders', 'customerOrders', 'lots'] as const;
  return `wrote ${flags.out}: ${counts.map((name) => `${dataset[name].length} ${name}`).join(', ')}`;
}

export function b2mmlCommand(argv: readonly string[]): string {
  const [file, ...extra] = argv;
  if (file === undefined || extra.length > 0) throw new CliUsageError('give one FILE: the B2MML message to translate');
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const context = { id: `cli:${path.basename(file)}`, stream: 'plant.cli', seq: 1, source: 'cli', occurredAt: new Date().toISOString() };
  const translation = translateB2mml(xml, context);
  if (!translation.ok) throw new CliUsageError(`${file}: ${translation.reason}`);
  return JSON.stringify(translation.events, null, 2);
}

/** What every item's problem says in common: how to read and check it. */
export const rebalanceObjective =
  'per item: ship whole units over the lanes from plants with surplus to plants with a shortage, at most each surplus and each shortage; ship as many units as possible, and of those plans take the one of least total unitCost × quantity';

export function rebalanceCommand(argv: readonly string[]): string {
  const flags = parseFlags(argv, ['dataset', 'horizon-days', 'penalty'], ['dataset']);
  const dataset = readDataset(flags.dataset!);
  const horizonDays = integerFlag('horizon-days', flags['horizon-days'], defaultRebalanceOptions.horizonDays);
  if (!(horizonDays >= 0)) throw new CliUsageError(`--horizon-days: ${horizonDays} is negative`);
  const latenessPenaltyPerUnitDay = numberFlag('penalty', flags.penalty, defaultRebalanceOptions.latenessPenaltyPerUnitDay);
  if (!(latenessPenaltyPerUnitDay >= 0)) throw new CliUsageError(`--penalty: ${latenessPenaltyPerUnitDay} is negative`);
  const items = solveAll(dataset, { horizonDays, latenessPenaltyPerUnitDay });
  const summary = {
    problems: items.length,
    shipped: items.reduce((sum, item) => sum + item.solution.shipped, 0),
    unmetShortage: items.reduce((sum, item) => sum + item.solution.unmetShortage, 0),
    totalCost: roundMoney(items.reduce((sum, item) => sum + item.solution.totalCost, 0)),
  };
  return JSON.stringify({ today: dataset.today, horizonDays, latenessPenaltyPerUnitDay, objective: rebalanceObjective, summary, items }, null, 2);
}

export type Disruption =
  | { kind: 'supplier-delay'; poLine: { id: string; itemId: string; plant: string; expectedDate: string; newDate: string } }
  | { kind: 'lot-block'; lot: { lotId: string; itemId: string; plant: string; quantity: number; stockType: string } }
  | { kind: 'line-stop'; plant: string; line: string; from: string; days: number };

export type ImpactReport = Impact & Disruption;

const impactFlags = ['dataset', 'po-line', 'new-date', 'lot', 'line', 'from', 'days'] as const;

export function impactCommand(argv: readonly string[]): string {
  const flags = parseFlags(argv, impactFlags, ['dataset']);
  const dataset = readDataset(flags.dataset!);
  const given = (['po-line', 'lot', 'line'] as const).filter((name) => flags[name] !== undefined);
  if (given.length !== 1) throw new CliUsageError(`--po-line, --lot, --line: give exactly one disruption${given.length > 1 ? ` (got ${given.map((name) => `--${name}`).join(', ')})` : ''}`);
  const [disruption, disrupted] = describeDisruption(dataset, flags);
  const before = computePlan(dataset, dataset.today);
  const after = computePlan(disrupted, dataset.today);
  const report: ImpactReport = { ...disruption, ...planImpact(before, after, dataset.customerOrders) };
  return JSON.stringify(report, null, 2);
}

function describeDisruption(dataset: Dataset, flags: Record<(typeof impactFlags)[number], string | undefined>): [Disruption, Dataset] {
  const only = (allowed: readonly (typeof impactFlags)[number][]) => {
    for (const name of ['new-date', 'from', 'days'] as const) {
      if (flags[name] !== undefined && !allowed.includes(name)) throw new CliUsageError(`--${name}: does not apply to this disruption`);
    }
  };
  if (flags['po-line'] !== undefined) {
    only(['new-date']);
    if (flags['new-date'] === undefined) throw new CliUsageError('--new-date: missing');
    const newDate = parseDate('new-date', flags['new-date']);
    const line = dataset.poLines.find((candidate) => candidate.id === flags['po-line']);
    if (!line) throw new CliUsageError(`--po-line: no PO schedule line "${flags['po-line']}" in ${flags.dataset}`);
    const poLine = { id: line.id, itemId: line.itemId, plant: line.plant, expectedDate: line.expectedDate, newDate };
    return [{ kind: 'supplier-delay', poLine }, { ...dataset, ...withPoLineDelayed(dataset, line.id, newDate) }];
  }
  if (flags.lot !== undefined) {
    only([]);
    const lot = dataset.lots.find((candidate) => candidate.lotId === flags.lot);
    if (!lot) throw new CliUsageError(`--lot: no lot "${flags.lot}" in ${flags.dataset}`);
    const { lotId, itemId, plant, quantity, stockType } = lot;
    return [{ kind: 'lot-block', lot: { lotId, itemId, plant, quantity, stockType } }, { ...dataset, ...withLotBlocked(dataset, lot.lotId) }];
  }
  only(['from', 'days']);
  const [plant, line, extra] = flags.line!.split('/');
  if (!plant || !line || extra !== undefined) throw new CliUsageError(`--line: "${flags.line}" is not PLANT/LINE (e.g. P1/L3)`);
  if (!dataset.productionOrders.some((order) => order.plant === plant && order.line === line)) throw new CliUsageError(`--line: no production order on line ${line} in plant ${plant}`);
  if (flags.from === undefined) throw new CliUsageError('--from: missing');
  const from = parseDate('from', flags.from);
  const days = integerFlag('days', flags.days, Number.NaN);
  if (!(days > 0)) throw new CliUsageError('--days: missing or not a positive number of days');
  return [{ kind: 'line-stop', plant, line, from, days }, { ...dataset, ...withLineStopped(dataset, plant, line, from, days) }];
}

function parseDate(flag: string, text: string): string {
  if (!planDateSchema.safeParse(text).success) throw new CliUsageError(`--${flag}: "${text}" is not a date (YYYY-MM-DD)`);
  return text;
}

export function readDataset(file: string): Dataset {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliUsageError(`--dataset: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) throw new CliUsageError(`--dataset: ${file} is not a planning dataset: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
