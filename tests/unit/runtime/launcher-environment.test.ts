import { describe, expect, test } from 'vitest';
import { launcherEnvironment } from '../../../src/runtime/launcher-environment.ts';

const target = { home: '/data/instance', javaHome: '/opt/jdk', javaExecutable: '/opt/jdk/bin/java' };
const parent: NodeJS.ProcessEnv = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/dev',
  LANG: 'en_US.UTF-8',
  LC_ALL: 'C.UTF-8',
  TZ: 'UTC',
  NEO4J_PASSWORD: 'the-password',
  API_TOKEN: 'the-api-token-0123456789',
  AWS_SECRET_ACCESS_KEY: 'aws',
  GITHUB_TOKEN: 'gh',
  NEO4J_URI: 'bolt://localhost:7687',
  JAVA_OPTS: '-Dsomething=else',
  npm_config_cache: '/home/dev/.npm',
};

describe('the environment of the Neo4j launcher', () => {
  test('keeps the system and locale variables the launcher and the JVM use', () => {
    expect(launcherEnvironment(parent, target)).toMatchObject({
      PATH: '/usr/bin:/bin',
      HOME: '/home/dev',
      LANG: 'en_US.UTF-8',
      LC_ALL: 'C.UTF-8',
      TZ: 'UTC',
    });
  });

  test('names the instance folder, its conf folder and the Java to use', () => {
    expect(launcherEnvironment(parent, target)).toMatchObject({
      NEO4J_HOME: '/data/instance',
      NEO4J_CONF: '/data/instance/conf',
      JAVA_HOME: '/opt/jdk',
      JAVA_CMD: '/opt/jdk/bin/java',
    });
  });

  test('passes nothing else from the parent: no password, token, key or unrelated variable', () => {
    const names = Object.keys(launcherEnvironment(parent, target)).sort();
    expect(names).toEqual([
      'HOME',
      'JAVA_CMD',
      'JAVA_HOME',
      'LANG',
      'LC_ALL',
      'NEO4J_CONF',
      'NEO4J_HOME',
      'PATH',
      'TZ',
    ]);
  });

  test('drops even an allowed-looking name that suggests a secret', () => {
    const environment = launcherEnvironment({ ...parent, LC_TOKEN: 'x', LC_KEYS: 'y' }, target);
    expect(environment).not.toHaveProperty('LC_TOKEN');
    expect(environment).not.toHaveProperty('LC_KEYS');
  });

  test('sets no JAVA_HOME when none is configured, so the launcher uses the java it runs on', () => {
    expect(
      launcherEnvironment({ ...parent, JAVA_HOME: '/elsewhere' }, { ...target, javaHome: undefined }),
    ).not.toHaveProperty('JAVA_HOME');
  });
});
