// The commands of `npm run cli`: each takes its flags and returns what to print.
import { readFileSync, writeFileSync } from 'node:fs';
import { withPoLineDelayed } from '../orchestration-core/analysis/disruptions';
import { planImpact, type Impact } from '../orchestration-core/analysis/impact';
import { computePlan } from '../orchestration-core/analysis/plan';
import { describeZodError } from '../shared/describe-error';
import { datasetSchema, planDateSchema, type Dataset } from '../shared/dataset';
import { generateDataset } from '../simulator/planning/generate-dataset';
import { CliUsageError, integerFlag, numberFlag, parseFlags } from './cli-args';

export const usage = `usage: npm run cli -- <command> [flags]
  dataset --seed N --scale S --out FILE      write the planning dataset as JSON
  impact --dataset FILE --po-line ID --new-date YYYY-MM-DD
                                             print the orders a supplier delay makes later, as JSON`;

export function datasetCommand(argv: readonly string[]): string {
  const flags = parseFlags(argv, ['seed', 'scale', 'out', 'today'], ['out']);
  const today = flags.today === undefined ? undefined : parseDate('today', flags.today);
  const dataset = generateDataset({ seed: integerFlag('seed', flags.seed, 1), scale: numberFlag('scale', flags.scale, 1), ...(today ? { today } : {}) });
  writeFileSync(flags.out!, JSON.stringify(dataset));
  const counts = ['items', 'poLines', 'productionOrders', 'customerOrders', 'lots'] as const;
  return `wrote ${flags.out}: ${counts.map((name) => `${dataset[name].length} ${name}`).join(', ')}`;
}

export interface ImpactReport extends Impact {
  poLine: { id: string; itemId: string; plant: string; expectedDate: string; newDate: string };
}

export function impactCommand(argv: readonly string[]): string {
  const flags = parseFlags(argv, ['dataset', 'po-line', 'new-date'], ['dataset', 'po-line', 'new-date']);
  const dataset = readDataset(flags.dataset!);
  const newDate = parseDate('new-date', flags['new-date']!);
  const line = dataset.poLines.find((candidate) => candidate.id === flags['po-line']);
  if (!line) throw new CliUsageError(`--po-line: no PO schedule line "${flags['po-line']}" in ${flags.dataset}`);
  const before = computePlan(dataset, dataset.today);
  const after = computePlan(withPoLineDelayed(dataset, line.id, newDate), dataset.today);
  const report: ImpactReport = {
    poLine: { id: line.id, itemId: line.itemId, plant: line.plant, expectedDate: line.expectedDate, newDate },
    ...planImpact(before, after, dataset.customerOrders),
  };
  return JSON.stringify(report, null, 2);
}

function parseDate(flag: string, text: string): string {
  if (!planDateSchema.safeParse(text).success) throw new CliUsageError(`--${flag}: "${text}" is not a date (YYYY-MM-DD)`);
  return text;
}

function readDataset(file: string): Dataset {
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
