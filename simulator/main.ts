// `npm run simulator`: runs the gateway as its own process until SIGTERM or SIGINT.
import { CliArgumentError, parseCliArgs, usage } from './cli-args';
import { startGateway } from './gateway';
import { shiftedClock } from './shifted-clock';
import { runUsersCli } from './users-cli';

async function main(): Promise<void> {
  if (process.argv[2] === 'users') return users(process.argv.slice(3));
  let request;
  try {
    request = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliArgumentError)) throw error;
    console.error(`simulator: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  if (request.kind === 'help') {
    console.log(usage);
    return;
  }
  // Tests that let time pass on the gateway too (an SLA falling due) shift its clock through a file.
  const clockFile = process.env.PLANT_SIMULATOR_TEST_CLOCK_FILE;
  const testClock = clockFile ? shiftedClock(clockFile) : undefined;
  const gateway = await startGateway({ ...request.options, ...(testClock ? { clock: () => testClock.now() } : {}) });
  // Tests and scripts wait for exactly this line.
  console.log(`simulator listening on ${gateway.baseUrl}`);
  if (request.operatorTokenMade) console.log(`simulator control token (Authorization: Bearer …): ${request.options.control?.operatorToken ?? ''}`);
  const stop = (signal: NodeJS.Signals): void => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    gateway.close().then(
      () => console.log(`simulator stopped (${signal})`),
      (error: unknown) => {
        console.error('simulator: close failed', error);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function users(args: string[]): Promise<void> {
  try {
    console.log(await runUsersCli(args));
  } catch (error) {
    // A user's mistake (a flag, a name, a role) or the store's refusal (a user that exists): one line, exit 2.
    console.error(`simulator users: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error('simulator: failed to start:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
