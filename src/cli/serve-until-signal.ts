import type { Config } from '../config.ts';
import type { Db } from '../db/driver.ts';
import { startServer, type RunningServer } from '../server.ts';
import { removeOwnApiRecord, writeApiRecord } from './api-pid-file.ts';
import { ownLauncherChain, whenAnyExits } from './launcher-chain.ts';

/**
 * Serves the API until SIGTERM or SIGINT, or until the npm that launched it ends (see
 * launcher-chain.ts), then stops gracefully: in-flight requests finish, the driver closes.
 * Shared by `npm start` and `npm run up`; `up` records the running API in `recordFile`.
 */
export async function serveUntilSignal(
  config: Config,
  db: Db,
  options: { recordFile?: string } = {},
): Promise<RunningServer> {
  const server = await startServer({ config, db });
  const { recordFile } = options;
  if (recordFile) writeApiRecord(recordFile, { pid: process.pid, url: server.url });
  // Output may go to a pipe whose reader (npm) is gone: that must not turn a stop into a crash.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${reason}: finishing in-flight requests, then stopping.`);
    await server.close();
    await db.driver.close();
    if (recordFile) removeOwnApiRecord(recordFile);
    console.log('Stopped.');
  };
  const stopThenExit = (reason: string) =>
    stop(reason).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stopThenExit(signal));
  whenAnyExits(ownLauncherChain(), (pid) => stopThenExit(`The process that launched the API (pid ${pid}) ended`));
  return server;
}
