import { defaultPasswordWarning } from '../runtime/default-password-warning.ts';
import { dockerCompose } from '../runtime/docker-neo4j.ts';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../runtime/local-neo4j.ts';
import { loadRuntimeSettings, RuntimeError } from '../runtime/runtime-settings.ts';

const USAGE = 'usage: npm run db:start | db:stop | db:status   (tsx src/cli/db.ts start|stop|status)';
const log = (line: string) => console.log(line);

async function main(command: string | undefined): Promise<number> {
  if (command !== 'start' && command !== 'stop' && command !== 'status') {
    console.error(USAGE);
    return 2;
  }
  const settings = loadRuntimeSettings();
  if (settings.NEO4J_RUNTIME === 'docker') {
    const args = { start: ['up', '-d', '--wait', 'neo4j'], stop: ['stop', 'neo4j'], status: ['ps', 'neo4j'] }[command];
    return dockerCompose(args);
  }
  if (command === 'start') {
    const result = await startLocalNeo4j(settings, log);
    const what = `Neo4j ${result.server?.version} ${result.server?.edition} (pid ${result.pid})`;
    log(
      result.alreadyRunning
        ? `${what} is already running.`
        : `${what} started in ${result.seconds} s${result.downloaded ? ' (download included)' : ''}.`,
    );
    log(`  Bolt:    ${result.boltUrl}   user ${settings.NEO4J_USER}`);
    log(`  Browser: ${result.browserUrl}`);
    log(`  Data:    ${result.home}`);
    const warning = defaultPasswordWarning(settings.NEO4J_PASSWORD);
    if (warning) console.warn(warning);
    return 0;
  }
  if (command === 'stop') {
    const { wasRunning } = await stopLocalNeo4j(settings, log);
    log(wasRunning ? 'Neo4j stopped.' : `Neo4j is not running (${settings.home}).`);
    return 0;
  }
  const status = await localNeo4jStatus(settings);
  if (!status.running) {
    log(
      status.pid === null
        ? `Neo4j is not running (${status.home}).`
        : `Neo4j (pid ${status.pid}) is running but does not answer on ${status.boltUrl} yet.`,
    );
    return 3;
  }
  log(`Neo4j ${status.server?.version} ${status.server?.edition} is running (pid ${status.pid}).`);
  log(`  Bolt:    ${status.boltUrl}`);
  log(`  Browser: ${status.browserUrl}`);
  log(`  Data:    ${status.home}`);
  return 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof RuntimeError ? error.message : error);
    process.exit(1);
  },
);
