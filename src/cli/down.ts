import { isProcessAlive } from '../process-alive.ts';
import { dockerCompose } from '../runtime/docker-neo4j.ts';
import { stopLocalNeo4j } from '../runtime/local-neo4j.ts';
import { loadRuntimeSettings, RuntimeError } from '../runtime/runtime-settings.ts';
import { apiRecordFile, runningApi } from './api-pid-file.ts';
import { runCommand } from './run-command.ts';

/** The API's grace period (10 s, src/server.ts) and a margin for the driver to close. */
const API_STOP_TIMEOUT_MS = 15_000;

/** Stops the API that `npm run up` started (recorded in the instance folder), if it runs. */
async function stopApi(recordFile: string): Promise<void> {
  const api = await runningApi(recordFile);
  if (!api) {
    console.log('No API started by npm run up is running.');
    return;
  }
  console.log(`Stopping the API (pid ${api.pid}, ${api.url}) ...`);
  process.kill(api.pid, 'SIGTERM');
  const deadline = Date.now() + API_STOP_TIMEOUT_MS;
  while (isProcessAlive(api.pid)) {
    if (Date.now() > deadline) {
      throw new RuntimeError(
        `The API (pid ${api.pid}) did not stop within ${API_STOP_TIMEOUT_MS / 1000} s of SIGTERM; end it with kill -KILL ${api.pid}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log('API stopped.');
}

void runCommand({
  invocation: 'npm run down',
  summary:
    'Stops what npm run up started: the API (gracefully, as SIGTERM does), then Neo4j (the local instance of NEO4J_LOCAL_DIR, or the compose neo4j service with NEO4J_RUNTIME=docker). Data stays.',
  options: {},
  environment: ['NEO4J_RUNTIME', 'NEO4J_LOCAL_DIR', 'JAVA_HOME'],
  async run() {
    const settings = loadRuntimeSettings();
    await stopApi(apiRecordFile(settings.home));
    if (settings.NEO4J_RUNTIME === 'docker') return dockerCompose(['stop', 'neo4j']);
    const { wasRunning } = await stopLocalNeo4j(settings, (line) => console.log(line));
    console.log(wasRunning ? 'Neo4j stopped.' : `Neo4j is not running (${settings.home}).`);
    return 0;
  },
});
