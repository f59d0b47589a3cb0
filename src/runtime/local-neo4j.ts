import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { removeInitialCredentials, writeInitialCredentials } from './initial-credentials.ts';
import { findJava } from './java.ts';
import { launcherEnvironment } from './launcher-environment.ts';
import { ensureDistribution } from './neo4j-distribution.ts';
import { renderNeo4jConf } from './neo4j-conf.ts';
import { PortTakenError, wrongPasswordMessage } from './neo4j-failures.ts';
import { RuntimeError, type RuntimeSettings } from './runtime-settings.ts';
import { openDb } from '../db/driver.ts';
import { isProcessAlive } from '../process-alive.ts';

const LAUNCHER = 'org.neo4j.server.startup.Neo4jCommand';

export type Log = (line: string) => void;

export interface ServerInfo {
  version: string;
  edition: string;
}

export interface InstanceStatus {
  running: boolean;
  pid: number | null;
  home: string;
  boltUrl: string;
  browserUrl: string;
  server: ServerInfo | null;
}

export interface StartResult extends InstanceStatus {
  alreadyRunning: boolean;
  downloaded: boolean;
  seconds: number;
}

export function boltUrlOf(settings: RuntimeSettings): string {
  return `bolt://localhost:${settings.NEO4J_BOLT_PORT}`;
}

export function browserUrlOf(settings: RuntimeSettings): string {
  return `http://localhost:${settings.NEO4J_HTTP_PORT}/browser/`;
}

export async function startLocalNeo4j(settings: RuntimeSettings, log: Log): Promise<StartResult> {
  const startedAt = Date.now();
  const elapsed = () => Math.round((Date.now() - startedAt) / 100) / 10;
  const running = runningPid(settings.home);
  if (running !== null) {
    const instance = withInstancePorts(settings);
    const server = await waitForBolt(instance, running, startedAt);
    return { ...(await statusOf(instance, server)), alreadyRunning: true, downloaded: false, seconds: elapsed() };
  }

  await refuseTakenPort(settings.NEO4J_BOLT_PORT, 'NEO4J_BOLT_PORT');
  await refuseTakenPort(settings.NEO4J_HTTP_PORT, 'NEO4J_HTTP_PORT');
  const java = findJava(settings.JAVA_HOME);
  const distribution = ensureDistribution(settings.cacheDir, log);
  prepareHome(settings, distribution.libDir);

  const environment = launcherEnvironment(process.env, {
    home: settings.home,
    javaHome: settings.JAVA_HOME,
    javaExecutable: java.executable,
  });
  if (!existsSync(join(settings.home, 'data', 'databases', 'system'))) {
    // Only read before the first start: afterwards the password lives in the system database.
    writeInitialCredentials(settings.home, settings.NEO4J_USER, settings.NEO4J_PASSWORD);
  }
  log(
    `Starting Neo4j ${distribution.version} (bolt ${settings.NEO4J_BOLT_PORT}, http ${settings.NEO4J_HTTP_PORT}, data in ${settings.home}) ...`,
  );
  runLauncher(java.executable, distribution.libDir, LAUNCHER, ['start'], environment);
  const pid = runningPid(settings.home);
  const server = await waitForBolt(settings, pid, startedAt);
  // The password just opened a session, so the system database holds it: the hash need not
  // stay (nor one a start that failed half-way, or neo4j-admin, left behind).
  removeInitialCredentials(settings.home);
  return {
    ...(await statusOf(settings, server)),
    alreadyRunning: false,
    downloaded: distribution.downloaded,
    seconds: elapsed(),
  };
}

export async function stopLocalNeo4j(settings: RuntimeSettings, log: Log): Promise<{ wasRunning: boolean }> {
  const pid = runningPid(settings.home);
  if (pid === null) return { wasRunning: false };
  const java = findJava(settings.JAVA_HOME);
  const libDir = readLibDir(settings.home);
  log(`Stopping Neo4j (pid ${pid}) ...`);
  const environment = launcherEnvironment(process.env, {
    home: settings.home,
    javaHome: settings.JAVA_HOME,
    javaExecutable: java.executable,
  });
  runLauncher(java.executable, libDir, LAUNCHER, ['stop'], environment);
  await waitUntil(() => !isProcessAlive(pid), 120_000, `Neo4j (pid ${pid}) did not stop within 120 s`);
  return { wasRunning: true };
}

export async function localNeo4jStatus(settings: RuntimeSettings): Promise<InstanceStatus> {
  const pid = runningPid(settings.home);
  const instance = pid === null ? settings : withInstancePorts(settings);
  const server = pid === null ? null : await queryServerInfo(instance).catch(() => null);
  return { ...(await statusOf(instance, server)), running: pid !== null && server !== null, pid };
}

/**
 * A running instance listens on the ports of its neo4j.conf, written at its start, whatever
 * the environment says now (db:status run without the NEO4J_*_PORT that db:start had).
 */
function withInstancePorts(settings: RuntimeSettings): RuntimeSettings {
  const confFile = join(settings.home, 'conf', 'neo4j.conf');
  if (!existsSync(confFile)) return settings;
  const conf = readFileSync(confFile, 'utf8');
  const portOf = (key: string, fallback: number) =>
    Number(conf.match(new RegExp(`^server\\.${key}\\.listen_address=.*:(\\d+)$`, 'm'))?.[1] ?? fallback);
  return {
    ...settings,
    NEO4J_BOLT_PORT: portOf('bolt', settings.NEO4J_BOLT_PORT),
    NEO4J_HTTP_PORT: portOf('http', settings.NEO4J_HTTP_PORT),
  };
}

async function statusOf(settings: RuntimeSettings, server: ServerInfo | null): Promise<InstanceStatus> {
  return {
    running: server !== null,
    pid: runningPid(settings.home),
    home: settings.home,
    boltUrl: boltUrlOf(settings),
    browserUrl: browserUrlOf(settings),
    server,
  };
}

function prepareHome(settings: RuntimeSettings, libDir: string): void {
  for (const folder of ['conf', 'data', 'logs', 'run', 'plugins', 'import']) {
    mkdirSync(join(settings.home, folder), { recursive: true });
  }
  writeFileSync(join(settings.home, 'conf', 'neo4j.conf'), renderNeo4jConf(settings, libDir));
}

function readLibDir(home: string): string {
  const conf = readFileSync(join(home, 'conf', 'neo4j.conf'), 'utf8');
  const match = conf.match(/^server\.directories\.lib=(.+)$/m);
  if (!match?.[1])
    throw new RuntimeError(
      `${home}/conf/neo4j.conf names no lib folder; start the instance once with npm run db:start`,
    );
  return match[1];
}

function runLauncher(java: string, libDir: string, mainClass: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(java, ['-cp', `${libDir}/*`, mainClass, ...args], {
    env,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new RuntimeError(
      `${mainClass} ${args[0]} ${args[1] ?? ''} failed (exit ${result.status}):\n${output.trim().split('\n').slice(-25).join('\n')}`,
    );
  }
  return output;
}

function runningPid(home: string): number | null {
  const pidFile = join(home, 'run', 'neo4j.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : null;
}

async function refuseTakenPort(port: number, variable: string): Promise<void> {
  if (await portAnswers(port))
    throw new PortTakenError(port, variable, 'another process, not by the Neo4j in this folder');
}

export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ port, host });
    const done = (answer: boolean) => {
      socket.destroy();
      resolvePromise(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function queryServerInfo(settings: RuntimeSettings): Promise<ServerInfo> {
  await using db = openDb({
    NEO4J_URI: boltUrlOf(settings),
    NEO4J_USER: settings.NEO4J_USER,
    NEO4J_PASSWORD: settings.NEO4J_PASSWORD,
    NEO4J_DATABASE: 'system',
  });
  const { records } = await db.driver.executeQuery(
    'CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition',
    {},
    { database: db.database, routing: neo4j.routing.READ },
  );
  const record = records[0];
  return { version: String(record?.get('version')), edition: String(record?.get('edition')) };
}

/** Returns once Bolt answers a query; fails fast when the server process dies, with the log's tail. */
async function waitForBolt(settings: RuntimeSettings, pid: number | null, startedAt: number): Promise<ServerInfo> {
  const deadline = startedAt + settings.NEO4J_START_TIMEOUT * 1000;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      return await queryServerInfo(settings);
    } catch (error) {
      lastError = error;
      const code = (error as { code?: string }).code ?? '';
      if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit')) {
        throw new RuntimeError(
          wrongPasswordMessage({ uri: boltUrlOf(settings), user: settings.NEO4J_USER, home: settings.home }),
        );
      }
      if (pid !== null && !isProcessAlive(pid)) {
        throw new RuntimeError(`Neo4j (pid ${pid}) exited during start-up.\n${logTail(settings.home)}`);
      }
    }
    await sleep(500);
  }
  throw new RuntimeError(
    `Neo4j did not answer on bolt://localhost:${settings.NEO4J_BOLT_PORT} within ${settings.NEO4J_START_TIMEOUT} s ` +
      `(NEO4J_START_TIMEOUT). Last error: ${(lastError as Error | null)?.message ?? 'none'}\n${logTail(settings.home)}`,
  );
}

function logTail(home: string, lines = 40): string {
  const parts: string[] = [];
  for (const file of ['neo4j.log', 'debug.log']) {
    const path = join(home, 'logs', file);
    if (!existsSync(path)) continue;
    const tail = readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    parts.push(`--- last lines of ${path} ---\n${tail}`);
  }
  return parts.join('\n') || `(no log in ${join(home, 'logs')})`;
}

async function waitUntil(condition: () => boolean, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new RuntimeError(message);
    await sleep(250);
  }
}

const sleep = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
