import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrate.ts';
import { fileSources, listArticleFiles, seedSources } from '../../src/ingest/seed-run.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/runtime/local-neo4j.ts';
import { loadRuntimeSettings, PROJECT_ROOT, type RuntimeSettings } from '../../src/runtime/runtime-settings.ts';
import { freePorts } from '../integration/helpers/free-port.ts';

/**
 * A Neo4j of the test's own, never the shared test database: its own folder in a temp dir,
 * free ports, a fresh password, the schema applied and the project's seed loaded. The test
 * stops and starts it at will.
 */
export interface SeededNeo4j {
  settings: RuntimeSettings;
  boltUrl: string;
  password: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its folder. */
  dispose(): Promise<void>;
}

const quiet = () => {};

/**
 * `npm run db:stop` / `db:start` in a child process: the runtime waits for Java synchronously,
 * which would freeze this process and the traffic the test sends meanwhile.
 */
async function dbCommand(command: 'start' | 'stop', env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/db.ts', command], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`db:${command} failed (exit ${code}):\n${output}`);
}

export async function startSeededNeo4j(): Promise<SeededNeo4j> {
  const [bolt, http] = await freePorts(2);
  const folder = mkdtempSync(join(tmpdir(), 'geograph-reliability-'));
  const password = `reliability-${randomUUID()}`;
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_BOLT_PORT: String(bolt),
    NEO4J_HTTP_PORT: String(http),
    NEO4J_LOCAL_DIR: folder,
    NEO4J_PASSWORD: password,
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
  };
  const settings = loadRuntimeSettings(environment);
  const started = await startLocalNeo4j(settings, quiet);
  {
    await using db = openDb({
      NEO4J_URI: started.boltUrl,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: 'neo4j',
    });
    await migrate(db);
    await seedSources(fileSources(await listArticleFiles([join(PROJECT_ROOT, 'seed')])), db);
  }
  return {
    settings,
    boltUrl: started.boltUrl,
    password,
    stop: () => dbCommand('stop', environment),
    start: () => dbCommand('start', environment),
    async dispose() {
      await stopLocalNeo4j(settings, quiet);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
