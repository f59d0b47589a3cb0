import type { Config } from '../config.ts';
import type { Db } from '../db/driver.ts';
import { startServer, type RunningServer } from '../server.ts';

/**
 * Serves the API until SIGTERM or SIGINT, then stops gracefully: in-flight requests finish,
 * the driver closes. Shared by `npm start` and `npm run up`.
 */
export async function serveUntilSignal(config: Config, db: Db): Promise<RunningServer> {
  const server = await startServer({ config, db });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then stopping.`);
    await server.close();
    await db.driver.close();
    console.log('Stopped.');
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stop(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  return server;
}
