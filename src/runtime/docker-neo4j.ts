import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT, RuntimeError } from './runtime-settings.ts';

/**
 * The Docker route for db:start/stop/status (NEO4J_RUNTIME=docker): the `neo4j` service of
 * docker-compose.yml. Needs a running Docker engine, which the local runtime does not.
 */
export function dockerCompose(args: string[]): number {
  const engine = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (engine.error || engine.status !== 0) {
    throw new RuntimeError(
      'NEO4J_RUNTIME=docker needs a running Docker engine, and none answers. Unset NEO4J_RUNTIME to use the local runtime.',
    );
  }
  const result = spawnSync('docker', ['compose', ...args], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  return result.status ?? 1;
}
