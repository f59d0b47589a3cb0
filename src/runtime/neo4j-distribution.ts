import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT, RuntimeError } from './runtime-settings.ts';

export const RUNTIME_POM = resolve(PROJECT_ROOT, 'scripts', 'neo4j', 'pom.xml');

/** The Neo4j version the pom pins: the single place it is written. */
export function pinnedNeo4jVersion(): string {
  const match = readFileSync(RUNTIME_POM, 'utf8').match(/<neo4j\.version>([^<]+)<\/neo4j\.version>/);
  if (!match?.[1]) throw new RuntimeError(`${RUNTIME_POM} has no <neo4j.version> property`);
  return match[1];
}

export interface Distribution {
  version: string;
  libDir: string;
  /** True when this call fetched the jars (a cold start). */
  downloaded: boolean;
}

/**
 * Makes sure the server's jars for the pinned version are in the cache, fetching them from
 * Maven Central with mvn when they are not. A marker file written last makes an interrupted
 * fetch look absent, so the next start simply fetches again.
 */
export function ensureDistribution(cacheDir: string, log: (line: string) => void): Distribution {
  const version = pinnedNeo4jVersion();
  const versionDir = join(cacheDir, version);
  const libDir = join(versionDir, 'lib');
  const marker = join(versionDir, '.complete');
  if (existsSync(marker) && existsSync(libDir)) return { version, libDir, downloaded: false };

  requireCommand(
    'mvn',
    'Maven fetches Neo4j from Maven Central. Install it (apt-get install maven) or use the Docker route.',
  );
  log(`Fetching Neo4j Community ${version} from Maven Central with mvn (once; cached in ${versionDir}) ...`);
  mkdirSync(versionDir, { recursive: true });
  const staging = join(versionDir, `lib.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      RUNTIME_POM,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${staging}`,
      '-DincludeScope=runtime',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new RuntimeError(`mvn could not fetch Neo4j ${version} (exit ${result.status}):\n${output}`);
  }
  if (!readdirSync(staging).some((file) => file.startsWith(`neo4j-${version}`))) {
    throw new RuntimeError(`mvn finished but ${staging} holds no neo4j-${version}.jar`);
  }
  rmSync(libDir, { recursive: true, force: true });
  renameSync(staging, libDir);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return { version, libDir, downloaded: true };
}

export function requireCommand(command: string, hint: string): void {
  const probe = spawnSync(command, ['--version'], { stdio: 'ignore' });
  if (probe.error) throw new RuntimeError(`"${command}" was not found on PATH. ${hint}`);
}
