// `npm run cli -- <command>`: the planning dataset, impact analysis, the stock/requirements list and why an order is late, rebalancing, B2MML translation, the audit trail's check and a cache's unsent decisions from the command line.
import { CliUsageError } from './cli-args';
import { auditCommand, CliFindingError } from './cli-audit';
import { b2mmlCommand, datasetCommand, impactCommand, rebalanceCommand, usage } from './cli-commands';
import { outboxCommand } from './cli-outbox';
import { explainCommand, stockCommand } from './cli-stock';

const commands: Record<string, (argv: readonly string[]) => string | Promise<string>> = {
  dataset: datasetCommand,
  impact: impactCommand,
  stock: stockCommand,
  explain: explainCommand,
  rebalance: rebalanceCommand,
  b2mml: b2mmlCommand,
  audit: auditCommand,
  outbox: outboxCommand,
};

const helpFlags: readonly string[] = ['--help', '-h'];

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  // Asked for, the usage is the answer (stdout, exit 0), also after a command: `impact --help`.
  if (argv.some((arg) => helpFlags.includes(arg))) {
    console.log(usage());
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    console.error(name === undefined ? usage() : `${name}: unknown command\n${usage()}`);
    return 2;
  }
  try {
    console.log(await command(rest));
    return 0;
  } catch (error) {
    if (error instanceof CliFindingError) {
      console.log(error.message);
      return 1;
    }
    if (!(error instanceof CliUsageError || error instanceof RangeError)) throw error;
    console.error(`${name}: ${error.message}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
