import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RuntimeError } from './runtime-settings.ts';

/** Neo4j 5.26 runs on Java 17 or 21 (and newer LTS releases start too). */
const MINIMUM_JAVA = 17;

export function findJava(javaHome: string | undefined): { executable: string; major: number } {
  const executable = javaHome ? join(javaHome, 'bin', 'java') : 'java';
  const probe = spawnSync(executable, ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new RuntimeError(
      `Java was not found (${executable}). Neo4j needs Java ${MINIMUM_JAVA} or newer: install it (apt-get install openjdk-17-jre-headless) or set JAVA_HOME.`,
    );
  }
  const text = `${probe.stderr}${probe.stdout}`;
  const match = text.match(/version "(\d+)(?:\.(\d+))?/);
  const first = Number(match?.[1] ?? 0);
  const major = first === 1 ? Number(match?.[2] ?? 0) : first;
  if (major < MINIMUM_JAVA) {
    throw new RuntimeError(
      `Java ${major || 'of unknown version'} at ${executable}: Neo4j needs Java ${MINIMUM_JAVA} or newer. Set JAVA_HOME to a newer JDK.`,
    );
  }
  return { executable, major };
}
