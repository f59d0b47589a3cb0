import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localNeo4jStatus, portAnswers, stopLocalNeo4j } from '../../../src/runtime/local-neo4j.ts';
import { loadRuntimeSettings } from '../../../src/runtime/runtime-settings.ts';
import { freePorts } from '../helpers/free-port.ts';

/**
 * The README's first quick-start command, `npm run up`, on a folder and free ports of its own:
 * Neo4j up, schema applied, seed loaded, API served, URLs printed, graceful stop on a signal
 * sent to npm, and `npm run down` stopping the API and Neo4j.
 */
const folder = mkdtempSync(join(tmpdir(), 'geograph-up-'));
const [boltPort, httpPort, apiPort] = (await freePorts(3)) as [number, number, number];
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEO4J_BOLT_PORT: String(boltPort),
  NEO4J_HTTP_PORT: String(httpPort),
  NEO4J_LOCAL_DIR: folder,
  NEO4J_HEAP: '512m',
  NEO4J_PAGECACHE: '128m',
  PORT: String(apiPort),
  API_TOKEN: '',
};
// The global setup points NEO4J_* at the shared test database; `up` must start its own.
for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[name];
const api = `http://localhost:${apiPort}`;

interface Up {
  npm: ChildProcess;
  output: string;
  /** Resolves when every process of the group has let go of the output pipes. */
  closed: Promise<void>;
}

/** `npm run up` as its own process group, once it printed "Ready.". */
async function runUp(): Promise<Up> {
  const npm = spawn('npm', ['run', 'up'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Up = { npm, output: '', closed: new Promise((resolve) => npm.once('close', () => resolve())) };
  npm.stdout?.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
  npm.stderr?.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
  const deadline = Date.now() + 200_000;
  while (!run.output.includes('Ready.')) {
    if (Date.now() > deadline || npm.exitCode !== null) throw new Error(`npm run up did not get ready:\n${run.output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return run;
}

/** True once nothing listens on the API's port; gives up after its grace period (10 s) and a margin. */
async function apiPortFreed(): Promise<boolean> {
  const deadline = Date.now() + 12_000;
  while ((await portAnswers(apiPort)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  return !(await portAnswers(apiPort));
}

const npmRun = (script: string) => spawnSync('npm', ['run', script], { env, encoding: 'utf8', timeout: 120_000 });

let up: Up;
let second: Up | undefined;

beforeAll(async () => {
  up = await runUp();
}, 240_000);

afterAll(async () => {
  for (const run of [up, second]) {
    if (run?.npm.exitCode === null) {
      try {
        process.kill(-run.npm.pid!, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    }
  }
  await stopLocalNeo4j(loadRuntimeSettings(env), () => {});
  rmSync(folder, { recursive: true, force: true });
});

describe('npm run up', () => {
  test('prints the GraphQL and Neo4j Browser URLs', () => {
    expect(up.output).toContain(`GraphQL API:   ${api}/graphql`);
    expect(up.output).toContain(`Neo4j Browser: http://localhost:${httpPort}/browser/`);
  });

  test('serves the seed through GraphQL', async () => {
    const response = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "taliban") { name type } }' }),
    });
    expect(await response.json()).toMatchObject({ data: { entity: { name: 'Taliban', type: 'GROUP' } } });
  });

  test('opens GraphiQL, which the quick start turns on', async () => {
    const response = await fetch(`${api}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('WhoCriticizesTheTaliban');
  });

  test('warns loudly that NEO4J_PASSWORD is the default', () => {
    expect(up.output).toContain('WARNING: NEO4J_PASSWORD is the default "geograph-local"');
  });

  test('is ready while Neo4j answers', async () => {
    expect((await fetch(`${api}/readyz`)).status).toBe(200);
  });

  test('wires Neo4j Browser to the style and guide the API serves', async () => {
    const guide = await fetch(`${api}/browser/guide.html`);
    expect(guide.status).toBe(200);
    expect(guide.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('db:status reports the ports the instance listens on, whatever the environment says now', () => {
    const status = spawnSync('npm', ['run', 'db:status'], {
      env: { ...env, NEO4J_BOLT_PORT: '', NEO4J_HTTP_PORT: '' },
      encoding: 'utf8',
    });
    expect(status.status).toBe(0);
    expect(status.stdout).toContain(`Bolt:    bolt://localhost:${boltPort}`);
    expect(status.stdout).toContain(`Browser: http://localhost:${httpPort}/browser/`);
  });

  test('a second npm run up says the first one runs and that npm run down stops it', () => {
    const again = spawnSync('npm', ['run', 'up'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('The API a previous npm run up started still runs');
    expect(again.stderr).toContain('npm run down');
    expect(again.stderr).not.toMatch(/\n\s+at \S/);
  });

  test('SIGTERM sent to the npm process stops the API gracefully: its port is free', async () => {
    process.kill(up.npm.pid!, 'SIGTERM');
    expect(await apiPortFreed()).toBe(true);
    await up.closed;
    expect(up.output).toContain('SIGTERM: finishing in-flight requests, then stopping.');
    expect(up.output).toContain('Stopped.');
  });

  test('npm run down stops the API and Neo4j', async () => {
    second = await runUp();
    expect(second.output).toContain('Neo4j was already running.');
    const down = npmRun('down');
    expect(down.status).toBe(0);
    expect(down.stdout).toContain('API stopped.');
    expect(down.stdout).toContain('Neo4j stopped.');
    expect(await portAnswers(apiPort)).toBe(false);
    expect((await localNeo4jStatus(loadRuntimeSettings(env))).pid).toBeNull();
    await second.closed;
  }, 120_000);
});
