import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../helpers/free-port.ts';
import { cliEnvironment } from '../helpers/test-db.ts';

/**
 * What `npm start` runs, the compiled server (dist/), against the test database: it must find
 * everything it reads beside its code (the SDL, the Browser kit) from dist/ as from src/.
 */
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

let server: ChildProcess;
let origin: string;
let output = '';

beforeAll(async () => {
  const build = spawnSync('npm', ['run', '-s', 'build'], { encoding: 'utf8', timeout: 180_000 });
  expect(build.status, `npm run build failed:\n${build.stdout}${build.stderr}`).toBe(0);

  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // The script is `exec node <options> <file>`: its shell becomes node.
  const [exec, command, ...args] = scripts.start!.split(/\s+/);
  expect([exec, command]).toEqual(['exec', 'node']);
  server = spawn(process.execPath, args, {
    env: { ...cliEnvironment(), PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${origin}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (server.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the compiled server did not get ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 240_000);

afterAll(() => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
});

describe('the compiled server (npm start)', () => {
  test('answers a GraphQL query from Neo4j, with the SDL read from schema/', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles(first: 1) { id } }' }),
    });
    const body = (await response.json()) as { data?: { articles: unknown[] }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect(Array.isArray(body.data?.articles)).toBe(true);
  });

  test('serves the Neo4j Browser kit read from schema/browser/', async () => {
    const style = await fetch(`${origin}/browser/style.grass`);
    expect(style.status).toBe(200);
    expect(await style.text()).toBe(readFileSync('schema/browser/style.grass', 'utf8'));
  });

  test('stops on SIGTERM with exit code 0', async () => {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code, output).toBe(0);
  });
});
