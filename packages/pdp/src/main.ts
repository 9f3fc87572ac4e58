import { parsePdpArgs, PDP_USAGE, PdpUsageError } from './options.ts';
import { startPdp } from './pdp.ts';

/** The command line: starts the service and runs until SIGINT or SIGTERM closes it gracefully. */
export async function pdpMain(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(PDP_USAGE);
    return 0;
  }
  let options;
  try {
    options = parsePdpArgs(argv);
  } catch (error) {
    if (!(error instanceof PdpUsageError)) throw error;
    console.error(`companyos-pdp: ${error.message}\n\n${PDP_USAGE}`);
    return 2;
  }
  const pdp = await startPdp(options);
  return new Promise<number>((resolve) => {
    const stop = () => {
      pdp.close().then(
        () => resolve(0),
        (error: unknown) => {
          console.error(`companyos-pdp: shutdown failed: ${(error as Error).message}`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
