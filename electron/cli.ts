// `npm run cli -- <command>`: the planning dataset, impact analysis, rebalancing and B2MML translation from the command line.
import { CliUsageError } from './cli-args';
import { b2mmlCommand, datasetCommand, impactCommand, rebalanceCommand, usage } from './cli-commands';

const commands: Record<string, (argv: readonly string[]) => string> = { dataset: datasetCommand, impact: impactCommand, rebalance: rebalanceCommand, b2mml: b2mmlCommand };

function main(argv: readonly string[]): number {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    console.error(name === undefined || name === '--help' ? usage : `${name}: unknown command\n${usage}`);
    return name === '--help' ? 0 : 2;
  }
  try {
    console.log(command(rest));
    return 0;
  } catch (error) {
    if (!(error instanceof CliUsageError || error instanceof RangeError)) throw error;
    console.error(`${name}: ${error.message}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
