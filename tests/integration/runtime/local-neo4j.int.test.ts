import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
  type StartResult,
} from '../../../src/runtime/local-neo4j.ts';
import { loadRuntimeSettings, RuntimeError } from '../../../src/runtime/runtime-settings.ts';

/**
 * A second instance, beside the one the other integration tests use: its own ports and
 * folder. It proves the runtime end to end: start, idempotence, status, Bolt, Browser, stop,
 * data surviving a restart, and refusal of a taken port.
 */
const folder = mkdtempSync(join(tmpdir(), 'geograph-runtime-'));
const settings = loadRuntimeSettings({
  ...process.env,
  NEO4J_BOLT_PORT: '17788',
  NEO4J_HTTP_PORT: '17575',
  NEO4J_LOCAL_DIR: folder,
  NEO4J_PASSWORD: 'runtime-test-password',
  NEO4J_HEAP: '512m',
  NEO4J_PAGECACHE: '128m',
});
const quiet = () => {};
let firstStart: StartResult;

async function cypher<T>(query: string): Promise<T[]> {
  const driver = neo4j.driver(
    `bolt://localhost:${settings.NEO4J_BOLT_PORT}`,
    neo4j.auth.basic('neo4j', settings.NEO4J_PASSWORD),
  );
  try {
    const { records } = await driver.executeQuery(query, {}, { database: 'neo4j' });
    return records.map((record) => record.toObject() as T);
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  firstStart = await startLocalNeo4j(settings, quiet);
});

afterAll(async () => {
  await stopLocalNeo4j(settings, quiet);
  rmSync(folder, { recursive: true, force: true });
});

describe('local Neo4j runtime', () => {
  test('start returns once Bolt answers, with Neo4j 5.26 Community', () => {
    expect(firstStart.running).toBe(true);
    expect(firstStart.alreadyRunning).toBe(false);
    expect(firstStart.server?.version).toMatch(/^5\.26\./);
    expect(firstStart.server?.edition).toBe('community');
  });

  test('a second start finds the running instance and says so', async () => {
    const again = await startLocalNeo4j(settings, quiet);
    expect(again.alreadyRunning).toBe(true);
    expect(again.pid).toBe(firstStart.pid);
  });

  test('status reports the running server and its addresses', async () => {
    const status = await localNeo4jStatus(settings);
    expect(status).toMatchObject({
      running: true,
      pid: firstStart.pid,
      boltUrl: 'bolt://localhost:17788',
      browserUrl: 'http://localhost:17575/browser/',
    });
  });

  test('a Cypher query makes the round trip over Bolt with authentication on', async () => {
    const rows = await cypher<{ answer: number }>('RETURN 6 * 7 AS answer');
    expect(Number(rows[0]?.answer)).toBe(42);
  });

  test('a wrong password is refused', async () => {
    const driver = neo4j.driver('bolt://localhost:17788', neo4j.auth.basic('neo4j', 'not-the-password'));
    await expect(driver.executeQuery('RETURN 1')).rejects.toMatchObject({
      code: 'Neo.ClientError.Security.Unauthorized',
    });
    await driver.close();
  });

  test('Neo4j Browser is served on /browser/', async () => {
    const response = await fetch('http://localhost:17575/browser/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Neo4j Browser</title>');
  });

  test('the discovery document advertises the configured Bolt port to Browser', async () => {
    const discovery = (await (
      await fetch('http://localhost:17575/', { headers: { accept: 'application/json' } })
    ).json()) as Record<string, string>;
    expect(discovery.bolt_direct).toBe('bolt://localhost:17788');
  });

  test('a port taken by another process is refused with a clear message', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(17889, '127.0.0.1', resolve));
    try {
      const other = loadRuntimeSettings({
        ...process.env,
        NEO4J_BOLT_PORT: '17889',
        NEO4J_HTTP_PORT: '17890',
        NEO4J_LOCAL_DIR: join(folder, 'other'),
      });
      await expect(startLocalNeo4j(other, quiet)).rejects.toThrow(/Port 17889 \(NEO4J_BOLT_PORT\) is already taken/);
      await expect(startLocalNeo4j(other, quiet)).rejects.toBeInstanceOf(RuntimeError);
    } finally {
      blocker.close();
    }
  });

  test('stop stops it, and the data survives a restart', async () => {
    await cypher('CREATE (:RuntimeProbe {value: "kept"})');
    const stopped = await stopLocalNeo4j(settings, quiet);
    expect(stopped.wasRunning).toBe(true);
    expect((await localNeo4jStatus(settings)).running).toBe(false);
    expect((await stopLocalNeo4j(settings, quiet)).wasRunning).toBe(false);

    const restart = await startLocalNeo4j(settings, quiet);
    expect(restart.alreadyRunning).toBe(false);
    expect(restart.downloaded).toBe(false);
    const rows = await cypher<{ value: string }>('MATCH (p:RuntimeProbe) RETURN p.value AS value');
    expect(rows).toEqual([{ value: 'kept' }]);
  });
});
