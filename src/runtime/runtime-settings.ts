import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { memorySize, neo4jPassword, port } from '../env/fields.ts';
import { parseEnv } from '../env/parse-env.ts';

/** Where the project lives: two levels up from src/runtime/ (or dist/runtime/). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

const runtimeSchema = z.object({
  NEO4J_BOLT_PORT: port(7687),
  NEO4J_HTTP_PORT: port(7474),
  NEO4J_LOCAL_DIR: z.string().min(1).default('.neo4j'),
  NEO4J_USER: z.literal('neo4j', { error: 'the local runtime has one user, "neo4j"' }).default('neo4j'),
  NEO4J_PASSWORD: neo4jPassword,
  NEO4J_HEAP: memorySize.default('1g'),
  NEO4J_PAGECACHE: memorySize.default('512m'),
  NEO4J_START_TIMEOUT: z.coerce.number().int().min(5).default(180),
  NEO4J_CACHE_DIR: z.string().min(1).optional(),
  /** Where the API serves the Browser style and guide; wired into Browser's post-connect command. */
  BROWSER_KIT_URL: z.string().url().optional(),
  /** `docker` uses docker compose (needs a running Docker engine); `local` runs Neo4j with the local Java. */
  NEO4J_RUNTIME: z.enum(['local', 'docker']).default('local'),
  JAVA_HOME: z.string().min(1).optional(),
});

export type RuntimeSettings = z.infer<typeof runtimeSchema> & {
  /** Absolute instance folder: conf, data, logs, run. */
  home: string;
  /** Absolute folder that caches the Neo4j jars, shared by every instance of a version. */
  cacheDir: string;
};

export class RuntimeError extends Error {}

export function loadRuntimeSettings(env: NodeJS.ProcessEnv = process.env): RuntimeSettings {
  const settings = parseEnv(
    runtimeSchema,
    env,
    (message) => new RuntimeError(message),
    'Invalid environment for the local Neo4j',
  );
  if (settings.NEO4J_BOLT_PORT === settings.NEO4J_HTTP_PORT) {
    throw new RuntimeError(
      `NEO4J_BOLT_PORT and NEO4J_HTTP_PORT are both ${settings.NEO4J_BOLT_PORT}: expected two different ports`,
    );
  }
  const cacheRoot = env.XDG_CACHE_HOME || resolve(homedir(), '.cache');
  return {
    ...settings,
    home: resolve(PROJECT_ROOT, settings.NEO4J_LOCAL_DIR),
    cacheDir: resolve(settings.NEO4J_CACHE_DIR ?? resolve(cacheRoot, 'geopolitics-graph', 'neo4j')),
  };
}
