import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalNeo4j, type Log, type StartResult } from '../../../src/runtime/local-neo4j.ts';
import { loadRuntimeSettings, type RuntimeSettings } from '../../../src/runtime/runtime-settings.ts';
import { isProcessAlive } from '../../../src/process-alive.ts';
import { freePorts } from './free-port.ts';

/**
 * Starts the local Neo4j of `env.NEO4J_LOCAL_DIR` on ports nobody uses, so that two checkouts
 * (or two test files) testing at once never meet on a port. An instance already running in
 * that folder (a run that was interrupted, or one started by hand) is reused on its own ports.
 * A port can be taken between being found free and Neo4j binding it: then other ports are tried.
 */
export async function startNeo4jOnFreePorts(
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<{ settings: RuntimeSettings; started: StartResult }> {
  const home = loadRuntimeSettings(env).home;
  const running = portsOfRunningInstance(home);
  if (running) {
    const settings = withPorts(env, running.bolt, running.http);
    return { settings, started: await startLocalNeo4j(settings, log) };
  }
  for (let attempt = 1; ; attempt += 1) {
    const [bolt, http] = (await freePorts(2)) as [number, number];
    const settings = withPorts(env, bolt, http);
    try {
      return { settings, started: await startLocalNeo4j(settings, log) };
    } catch (error) {
      if (attempt >= 3 || !/already taken|Address already in use/.test(String(error))) throw error;
      log(`(expected on a busy machine) port ${bolt} or ${http} was taken meanwhile; trying two others`);
    }
  }
}

function withPorts(env: NodeJS.ProcessEnv, bolt: number, http: number): RuntimeSettings {
  return loadRuntimeSettings({ ...env, NEO4J_BOLT_PORT: String(bolt), NEO4J_HTTP_PORT: String(http) });
}

/**
 * The ports of the Neo4j running in `home`, from the neo4j.conf it was started with (the
 * runtime writes it at every start); null when none runs there.
 */
export function portsOfRunningInstance(home: string): { bolt: number; http: number } | null {
  const pidFile = join(home, 'run', 'neo4j.pid');
  const confFile = join(home, 'conf', 'neo4j.conf');
  if (!existsSync(pidFile) || !existsSync(confFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!(Number.isInteger(pid) && pid > 0 && isProcessAlive(pid))) return null;
  const conf = readFileSync(confFile, 'utf8');
  const port = (connector: string) =>
    Number(conf.match(new RegExp(`^server\\.${connector}\\.listen_address=.*:(\\d+)$`, 'm'))?.[1]);
  const [bolt, http] = [port('bolt'), port('http')];
  return bolt > 0 && http > 0 ? { bolt, http } : null;
}
