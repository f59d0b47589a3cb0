import { defaultPasswordWarning } from '../runtime/default-password-warning.ts';
import { dockerCompose } from '../runtime/docker-neo4j.ts';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../runtime/local-neo4j.ts';
import { loadRuntimeSettings } from '../runtime/runtime-settings.ts';
import { RUNTIME_ENVIRONMENT } from './environment-help.ts';
import { runCommand, type CommandSpec } from './run-command.ts';

const log = (line: string) => console.log(line);
const DOCKER_ARGS = { start: ['up', '-d', '--wait', 'neo4j'], stop: ['stop', 'neo4j'], status: ['ps', 'neo4j'] };

type Subcommand = keyof typeof DOCKER_ARGS;

/** With NEO4J_RUNTIME=docker, the compose `neo4j` service; otherwise the local runtime. */
function dockerOr(subcommand: Subcommand, local: () => Promise<number>): Promise<number> {
  const settings = loadRuntimeSettings();
  return settings.NEO4J_RUNTIME === 'docker' ? Promise.resolve(dockerCompose(DOCKER_ARGS[subcommand])) : local();
}

const start: CommandSpec<Record<string, never>> = {
  invocation: 'npm run db:start',
  summary:
    'Starts the local Neo4j (fetching it with Maven on first use) and returns once Bolt answers; says so if it already runs.',
  options: {},
  environment: RUNTIME_ENVIRONMENT,
  run: () =>
    dockerOr('start', async () => {
      const settings = loadRuntimeSettings();
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
    }),
};

const stop: CommandSpec<Record<string, never>> = {
  invocation: 'npm run db:stop',
  summary: 'Stops the local Neo4j of NEO4J_LOCAL_DIR; its data stays. (npm run down also stops the API.)',
  options: {},
  environment: ['NEO4J_RUNTIME', 'NEO4J_LOCAL_DIR', 'JAVA_HOME'],
  run: () =>
    dockerOr('stop', async () => {
      const settings = loadRuntimeSettings();
      const { wasRunning } = await stopLocalNeo4j(settings, log);
      log(wasRunning ? 'Neo4j stopped.' : `Neo4j is not running (${settings.home}).`);
      return 0;
    }),
};

const status: CommandSpec<Record<string, never>> = {
  invocation: 'npm run db:status',
  summary: 'Tells whether the local Neo4j runs: version, edition, pid, and the addresses it actually listens on.',
  options: {},
  environment: ['NEO4J_RUNTIME', 'NEO4J_LOCAL_DIR', 'NEO4J_PASSWORD'],
  exitCodes: [[3, 'Neo4j is not running (or does not answer yet)']],
  run: () =>
    dockerOr('status', async () => {
      const current = await localNeo4jStatus(loadRuntimeSettings());
      if (!current.running) {
        log(
          current.pid === null
            ? `Neo4j is not running (${current.home}).`
            : `Neo4j (pid ${current.pid}) is running but does not answer on ${current.boltUrl} yet.`,
        );
        return 3;
      }
      log(`Neo4j ${current.server?.version} ${current.server?.edition} is running (pid ${current.pid}).`);
      log(`  Bolt:    ${current.boltUrl}`);
      log(`  Browser: ${current.browserUrl}`);
      log(`  Data:    ${current.home}`);
      return 0;
    }),
};

const subcommands: Record<Subcommand, CommandSpec<Record<string, never>>> = { start, stop, status };
const [subcommand, ...rest] = process.argv.slice(2);
if (subcommand === 'start' || subcommand === 'stop' || subcommand === 'status') {
  void runCommand(subcommands[subcommand], rest);
} else {
  console.error('usage: npm run db:start | db:stop | db:status   (tsx src/cli/db.ts start|stop|status)');
  process.exitCode = 2;
}
