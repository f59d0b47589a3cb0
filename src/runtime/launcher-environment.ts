import { join } from 'node:path';

/**
 * The environment of Neo4j's launcher, and so of the server JVM it starts: only what they
 * need, never the parent's whole environment. The parent holds NEO4J_PASSWORD, API_TOKEN and
 * whatever else a developer exported; a JVM that inherits them shows them to anyone who may
 * read /proc/<pid>/environ, heap dumps and crash reports.
 */
const PASSED_THROUGH = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TERM',
]);
/** Locale categories: LC_ALL, LC_CTYPE, ... */
const LOCALE_VARIABLE = /^LC_[A-Z]+$/;
/** A second fence: even an allowed name is dropped when it looks like it holds a secret. */
const SECRET_NAME = /PASSWORD|TOKEN|SECRET|KEY/i;

export interface LauncherTarget {
  /** The instance folder (NEO4J_HOME; its conf/ is NEO4J_CONF). */
  home: string;
  javaHome: string | undefined;
  /** The launcher starts the server in a second JVM; it must be the same Java. */
  javaExecutable: string;
}

export function launcherEnvironment(parent: NodeJS.ProcessEnv, target: LauncherTarget): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined || SECRET_NAME.test(name)) continue;
    if (PASSED_THROUGH.has(name) || LOCALE_VARIABLE.test(name)) environment[name] = value;
  }
  environment.NEO4J_HOME = target.home;
  environment.NEO4J_CONF = join(target.home, 'conf');
  if (target.javaHome) environment.JAVA_HOME = target.javaHome;
  environment.JAVA_CMD = target.javaExecutable;
  return environment;
}
