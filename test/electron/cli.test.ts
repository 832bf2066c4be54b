// `npm run cli`: dataset writes a valid planning dataset; impact answers a hand-worked delay; bad
// flags are named and exit with 2.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliUsageError } from '../../electron/cli-args';
import { datasetCommand, impactCommand } from '../../electron/cli-commands';
import { datasetSchema, type Dataset } from '../../shared/dataset';
import { calendarDayOf } from '../../shared/plan-days';
import { handBuilt } from '../helpers/hand-built-dataset';
import { makeTempDir } from '../helpers/temp-dir';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('cli', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('dataset writes the seeded dataset at the scale asked for', () => {
    const out = temp.file('dataset.json');
    expect(datasetCommand(['--seed', '4', '--scale=0.1', '--out', out])).toMatch(/200 items/);
    const written = datasetSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(written).toMatchObject({ seed: 4, scale: 0.1 });
    expect(written.customerOrders).toHaveLength(800);
  });

  it('impact prints the orders a delay makes later, with days late, added days and revenue at risk', () => {
    const file = temp.file('hand-built.json');
    writeFileSync(file, JSON.stringify(handBuilt));
    const report = JSON.parse(impactCommand(['--dataset', file, '--po-line', 'PO-1/10', '--new-date', '2026-12-09']));
    expect(report).toEqual({
      kind: 'supplier-delay',
      poLine: { id: 'PO-1/10', itemId: 'RAW-1', plant: 'P1', expectedDate: '2026-12-03', newDate: '2026-12-09' },
      productionOrders: [
        { id: 'MO-FG', daysLate: 4, addedDaysLate: 4, unfulfilled: false },
        { id: 'MO-SA', daysLate: 5, addedDaysLate: 5, unfulfilled: false },
      ],
      customerOrders: [{ id: 'CO-1', daysLate: 3, addedDaysLate: 3, unfulfilled: false, revenueAtRisk: 25_000 }],
      totalRevenueAtRisk: 25_000,
    });
  });

  it('impact of a lot block: its quantity leaves unrestricted supply, and the next receipt comes too late', () => {
    // LOT-1 covers MO-SA; blocked, MO-SA waits for PO-1/10 on 12-08 (4 days), MO-FG for MO-SA (3), CO-1 for MO-FG (2).
    const file = temp.file('with-lot.json');
    const withLot: Dataset = {
      ...handBuilt,
      poLines: [{ ...handBuilt.poLines[0]!, expectedDate: '2026-12-08' }],
      lots: [{ lotId: 'LOT-1', itemId: 'RAW-1', plant: 'P1', quantity: 100, stockType: 'unrestricted' }],
    };
    writeFileSync(file, JSON.stringify(withLot));
    expect(JSON.parse(impactCommand(['--dataset', file, '--lot', 'LOT-1']))).toEqual({
      kind: 'lot-block',
      lot: { lotId: 'LOT-1', itemId: 'RAW-1', plant: 'P1', quantity: 100, stockType: 'unrestricted' },
      productionOrders: [
        { id: 'MO-FG', daysLate: 3, addedDaysLate: 3, unfulfilled: false },
        { id: 'MO-SA', daysLate: 4, addedDaysLate: 4, unfulfilled: false },
      ],
      customerOrders: [{ id: 'CO-1', daysLate: 2, addedDaysLate: 2, unfulfilled: false, revenueAtRisk: 25_000 }],
      totalRevenueAtRisk: 25_000,
    });
  });

  it('impact of a line stoppage: orders on the line from the stop move out by its length', () => {
    // MO-FG (L1, starts 12-07) moves to 12-10..12-12; CO-1 ships 12-10 and waits for it: 2 days.
    const file = temp.file('hand-built.json');
    writeFileSync(file, JSON.stringify(handBuilt));
    const report = JSON.parse(impactCommand(['--dataset', file, '--line', 'P1/L1', '--from', '2026-12-07', '--days', '3']));
    expect(report).toMatchObject({ kind: 'line-stop', plant: 'P1', line: 'L1', from: '2026-12-07', days: 3, totalRevenueAtRisk: 25_000 });
    expect(report.customerOrders).toEqual([{ id: 'CO-1', daysLate: 2, addedDaysLate: 2, unfulfilled: false, revenueAtRisk: 25_000 }]);
    expect(JSON.parse(impactCommand(['--dataset', file, '--line', 'P1/L1', '--from', '2026-12-08', '--days', '3']))).toMatchObject({ productionOrders: [], customerOrders: [], totalRevenueAtRisk: 0 });
    expect(() => impactCommand(['--dataset', file, '--line', 'P1/L9', '--from', '2026-12-07', '--days', '3'])).toThrow(/--line: no production order on line L9 in plant P1/);
    expect(() => impactCommand(['--dataset', file, '--line', 'P1', '--from', '2026-12-07', '--days', '3'])).toThrow(/--line: "P1" is not PLANT\/LINE/);
    expect(() => impactCommand(['--dataset', file, '--line', 'P1/L1', '--from', '2026-12-07', '--days', '0'])).toThrow(/--days: missing or not a positive number/);
    expect(() => impactCommand(['--dataset', file, '--lot', 'LOT-9'])).toThrow(/--lot: no lot "LOT-9"/);
    expect(() => impactCommand(['--dataset', file, '--lot', 'LOT-9', '--po-line', 'PO-1/10'])).toThrow(/give exactly one disruption \(got --po-line, --lot\)/);
    expect(() => impactCommand(['--dataset', file, '--lot', 'LOT-1', '--days', '3'])).toThrow(/--days: does not apply/);
  });

  it('names the flag that is missing, unknown or wrong', () => {
    const file = temp.file('hand-built.json');
    writeFileSync(file, JSON.stringify(handBuilt));
    expect(() => impactCommand(['--dataset', file, '--po-line', 'PO-1/10'])).toThrow(new CliUsageError('--new-date: missing'));
    expect(() => impactCommand(['--dataset', file, '--po-line', 'PO-9/10', '--new-date', '2026-12-09'])).toThrow(/--po-line: no PO schedule line "PO-9\/10"/);
    expect(() => impactCommand(['--dataset', file, '--po-line', 'PO-1/10', '--new-date', '12/09/2026'])).toThrow(/--new-date: "12\/09\/2026" is not a date/);
    expect(() => datasetCommand(['--out', temp.file('x.json'), '--colour', 'red'])).toThrow(/--colour: unknown flag/);
    writeFileSync(file, JSON.stringify({ ...handBuilt, poLines: [{ id: 'PO-1/10' }] }));
    expect(() => impactCommand(['--dataset', file, '--po-line', 'PO-1/10', '--new-date', '2026-12-09'])).toThrow(/--dataset: .* is not a planning dataset: poLines\.0\.supplierId/);
  });

  it.each([{ args: ['--help'] }, { args: ['-h'] }, { args: ['impact', '--help'] }])('prints the usage with the defaults on stdout for $args and exits 0', ({ args }) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run cli -- <command> \[flags\]/);
    for (const command of ['dataset --out FILE', 'impact --dataset FILE --po-line ID', 'rebalance --dataset FILE', 'b2mml FILE', '-h, --help']) expect(run.stdout).toContain(command);
    // The dataset's default day is the calendar day the command runs on, as `dataset` uses it.
    expect(run.stdout).toMatch(new RegExp(`defaults: seed 1, scale 1,\\s+today's date \\(${calendarDayOf(new Date())}\\)`));
    expect(run.stdout).toMatch(/horizon 28 days, penalty 5/);
    expect(run.stderr).toBe('');
  });

  it('exits with 2 and the usage on an unknown command', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'plan-everything'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('plan-everything: unknown command');
    expect(run.stderr).toContain('impact --dataset FILE');
  });
});
