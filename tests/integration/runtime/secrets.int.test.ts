import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalNeo4j, stopLocalNeo4j, type StartResult } from '../../../src/runtime/local-neo4j.ts';
import { loadRuntimeSettings, type RuntimeSettings } from '../../../src/runtime/runtime-settings.ts';
import { watchCommandLines } from '../helpers/command-line-watch.ts';
import { freePorts } from '../helpers/free-port.ts';

/**
 * The local runtime keeps its secrets: a brand-new instance (own folder, free ports) started
 * while the parent's environment holds the password, an API token and another secret. Unique
 * values, so that finding one anywhere can only mean it leaked from here.
 */
const PASSWORD = `pw-${randomUUID()}`;
const API_TOKEN = `token-${randomUUID()}`;
const OTHER_SECRET = `secret-${randomUUID()}`;
const folder = mkdtempSync(join(tmpdir(), 'geograph-secrets-'));
const quiet = () => {};
const parentVariables = { NEO4J_PASSWORD: PASSWORD, API_TOKEN, GEOGRAPH_PROBE_SECRET: OTHER_SECRET };
const savedVariables = Object.fromEntries(Object.keys(parentVariables).map((name) => [name, process.env[name]]));

let settings: RuntimeSettings;
let firstStart: StartResult;
let watched: Awaited<ReturnType<Awaited<ReturnType<typeof watchCommandLines>>['stop']>>;

beforeAll(async () => {
  const [bolt, http] = await freePorts(2);
  Object.assign(process.env, parentVariables);
  settings = loadRuntimeSettings({
    ...process.env,
    NEO4J_BOLT_PORT: String(bolt),
    NEO4J_HTTP_PORT: String(http),
    NEO4J_LOCAL_DIR: folder,
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
  });
  const watch = await watchCommandLines(PASSWORD);
  try {
    firstStart = await startLocalNeo4j(settings, quiet);
  } finally {
    watched = await watch.stop();
  }
}, 240_000);

afterAll(async () => {
  for (const [name, value] of Object.entries(savedVariables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  if (settings) await stopLocalNeo4j(settings, quiet);
  rmSync(folder, { recursive: true, force: true });
}, 180_000);

async function login(password: string): Promise<number> {
  const driver = neo4j.driver(firstStart.boltUrl, neo4j.auth.basic('neo4j', password));
  try {
    const { records } = await driver.executeQuery('RETURN 6 * 7 AS answer', {}, { database: 'neo4j' });
    return Number(records[0]?.get('answer'));
  } finally {
    await driver.close();
  }
}

describe('secrets of the local Neo4j runtime', () => {
  test('the watcher sees a password put on a command line (so its silence below means something)', async () => {
    const watch = await watchCommandLines(PASSWORD);
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 1000)', PASSWORD]);
    await new Promise((resolve) => child.once('exit', resolve));
    const { sightings } = await watch.stop();
    expect(sightings.map(({ pid }) => pid)).toContain(child.pid);
  });

  test('no process shows the password on its command line during a first start', () => {
    expect(firstStart.alreadyRunning).toBe(false);
    expect(watched.samples).toBeGreaterThan(50);
    expect(watched.sightings).toEqual([]);
  });

  test("the Neo4j JVM's environment holds neither the password nor a token or secret of the parent", () => {
    const environ = readFileSync(`/proc/${firstStart.pid}/environ`, 'utf8');
    expect(environ).toContain(`NEO4J_HOME=${folder}`);
    expect(environ).not.toContain(PASSWORD);
    expect(environ).not.toContain(API_TOKEN);
    expect(environ).not.toContain(OTHER_SECRET);
    const names = environ
      .split('\0')
      .filter(Boolean)
      .map((entry) => entry.slice(0, entry.indexOf('=')));
    expect(names.filter((name) => /PASSWORD|TOKEN|SECRET|KEY/i.test(name))).toEqual([]);
  });

  test('no file of the instance holds the password in plain text', () => {
    const grep = spawnSync('grep', ['-rlF', '--', PASSWORD, folder], { encoding: 'utf8' });
    expect(grep.stdout).toBe('');
    expect(grep.status).toBe(1);
  });

  test('the initial credentials file is gone once the first start has used it', () => {
    expect(existsSync(join(folder, 'data', 'dbms', 'auth.ini'))).toBe(false);
  });

  test('the password set at the first start opens a session', async () => {
    expect(await login(PASSWORD)).toBe(42);
  });

  test('a wrong password is refused', async () => {
    await expect(login(`${PASSWORD}-wrong`)).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
  });

  test('after a restart, without the initial credentials file, the password still opens a session', async () => {
    await stopLocalNeo4j(settings, quiet);
    const restart = await startLocalNeo4j(settings, quiet);
    expect(restart.alreadyRunning).toBe(false);
    expect(await login(PASSWORD)).toBe(42);
  }, 180_000);
});
