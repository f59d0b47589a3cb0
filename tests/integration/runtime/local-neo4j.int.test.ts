import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
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
import { freePorts } from '../helpers/free-port.ts';

/**
 * A second instance, beside the one the other integration tests use: its own folder and
 * free ports (so another checkout testing at once never meets it). It proves the runtime end
 * to end: start, idempotence, status, Bolt, Browser, the ports it opens, stop, data surviving
 * a restart, and refusal of a taken port.
 */
const folder = mkdtempSync(join(tmpdir(), 'geograph-runtime-'));
const [boltPort, httpPort] = await freePorts(2);
const settings = loadRuntimeSettings({
  ...process.env,
  NEO4J_BOLT_PORT: String(boltPort),
  NEO4J_HTTP_PORT: String(httpPort),
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

/** The TCP ports a process listens on: its socket inodes looked up in the kernel's tables (Linux). */
function listeningPorts(pid: number): number[] {
  const sockets = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    // A descriptor closed meanwhile has no link any more.
    const inode = /^socket:\[(\d+)\]$/.exec(readLinkOrEmpty(`/proc/${pid}/fd/${fd}`))?.[1];
    if (inode) sockets.add(inode);
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      const [, local = '', , state, , , , , , inode = ''] = line.trim().split(/\s+/);
      if (state === '0A' && sockets.has(inode)) ports.push(parseInt(local.split(':')[1] ?? '', 16));
    }
  }
  return ports;
}

function readLinkOrEmpty(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
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
      boltUrl: `bolt://localhost:${boltPort}`,
      browserUrl: `http://localhost:${httpPort}/browser/`,
    });
  });

  test('a Cypher query makes the round trip over Bolt with authentication on', async () => {
    const rows = await cypher<{ answer: number }>('RETURN 6 * 7 AS answer');
    expect(Number(rows[0]?.answer)).toBe(42);
  });

  test('a wrong password is refused', async () => {
    const driver = neo4j.driver(`bolt://localhost:${boltPort}`, neo4j.auth.basic('neo4j', 'not-the-password'));
    await expect(driver.executeQuery('RETURN 1')).rejects.toMatchObject({
      code: 'Neo.ClientError.Security.Unauthorized',
    });
    await driver.close();
  });

  test('Neo4j Browser is served on /browser/', async () => {
    const response = await fetch(`http://localhost:${httpPort}/browser/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Neo4j Browser</title>');
  });

  test('the discovery document advertises the configured Bolt port to Browser', async () => {
    const discovery = (await (
      await fetch(`http://localhost:${httpPort}/`, { headers: { accept: 'application/json' } })
    ).json()) as Record<string, string>;
    expect(discovery.bolt_direct).toBe(`bolt://localhost:${boltPort}`);
  });

  test.skipIf(process.platform !== 'linux')('it listens on its Bolt and HTTP ports and on no other', () => {
    expect(listeningPorts(firstStart.pid!).sort()).toEqual([boltPort, httpPort].sort());
  });

  test('a port taken by another process is refused with a clear message', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const other = loadRuntimeSettings({
        ...process.env,
        NEO4J_BOLT_PORT: String(taken),
        NEO4J_HTTP_PORT: String((await freePorts(1))[0]),
        NEO4J_LOCAL_DIR: join(folder, 'other'),
      });
      await expect(startLocalNeo4j(other, quiet)).rejects.toThrow(`Port ${taken} (NEO4J_BOLT_PORT) is already taken`);
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
