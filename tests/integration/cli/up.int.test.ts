import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stopLocalNeo4j } from '../../../src/runtime/local-neo4j.ts';
import { loadRuntimeSettings } from '../../../src/runtime/runtime-settings.ts';

/**
 * The README's first quick-start command, `npm run up`, on a folder and ports of its own:
 * Neo4j up, schema applied, seed loaded, API served, URLs printed, graceful stop.
 */
const folder = mkdtempSync(join(tmpdir(), 'geograph-up-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEO4J_BOLT_PORT: '17798',
  NEO4J_HTTP_PORT: '17585',
  NEO4J_LOCAL_DIR: folder,
  NEO4J_HEAP: '512m',
  NEO4J_PAGECACHE: '128m',
  PORT: '4111',
  API_TOKEN: '',
};
// The global setup points NEO4J_* at the shared test database; `up` must start its own.
for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[name];

let up: ChildProcess;
let output = '';
/** Resolves when every process of the group has let go of the output pipes. */
let closed: Promise<void>;

beforeAll(async () => {
  up = spawn('npm', ['run', 'up'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  closed = new Promise((resolve) => up.once('close', () => resolve()));
  up.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  up.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 200_000;
  while (!output.includes('Ready.')) {
    if (Date.now() > deadline || up.exitCode !== null) throw new Error(`npm run up did not get ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 240_000);

afterAll(async () => {
  if (up.exitCode === null) process.kill(-up.pid!, 'SIGKILL');
  await stopLocalNeo4j(loadRuntimeSettings(env), () => {});
  rmSync(folder, { recursive: true, force: true });
});

describe('npm run up', () => {
  test('prints the GraphQL and Neo4j Browser URLs', () => {
    expect(output).toContain('GraphQL API:   http://localhost:4111/graphql');
    expect(output).toContain('Neo4j Browser: http://localhost:17585/browser/');
  });

  test('serves the seed through GraphQL', async () => {
    const response = await fetch('http://localhost:4111/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "taliban") { name type } }' }),
    });
    expect(await response.json()).toMatchObject({ data: { entity: { name: 'Taliban', type: 'GROUP' } } });
  });

  test('opens GraphiQL, which the quick start turns on', async () => {
    const response = await fetch('http://localhost:4111/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('WhoCriticizesTheTaliban');
  });

  test('warns loudly that NEO4J_PASSWORD is the default', () => {
    expect(output).toContain('WARNING: NEO4J_PASSWORD is the default "geograph-local"');
  });

  test('is ready while Neo4j answers', async () => {
    expect((await fetch('http://localhost:4111/readyz')).status).toBe(200);
  });

  test('wires Neo4j Browser to the style and guide the API serves', async () => {
    const guide = await fetch('http://localhost:4111/browser/guide.html');
    expect(guide.status).toBe(200);
    expect(guide.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('stops gracefully on SIGTERM', async () => {
    // The whole group, as a terminal's Ctrl-C would: npm, and the API process under it.
    process.kill(-up.pid!, 'SIGTERM');
    await closed;
    expect(output).toContain('SIGTERM: finishing in-flight requests, then stopping.');
    expect(output).toContain('Stopped.');
  });
});
