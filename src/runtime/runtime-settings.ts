import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Where the project lives: two levels up from src/runtime/. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

// One default password for the API and the local runtime (config.ts), re-exported for the runtime's callers.
import { DEFAULT_NEO4J_PASSWORD } from '../config.ts';
export { DEFAULT_NEO4J_PASSWORD };

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const memory = z.string().regex(/^\d+[kmg]$/i, 'expected a size such as 512m or 2g');

const runtimeSchema = z.object({
  NEO4J_BOLT_PORT: port(7687),
  NEO4J_HTTP_PORT: port(7474),
  NEO4J_LOCAL_DIR: z.string().min(1).default('.neo4j'),
  NEO4J_USER: z.literal('neo4j', { error: 'the local runtime has one user, "neo4j"' }).default('neo4j'),
  NEO4J_PASSWORD: z
    .string()
    .min(8, 'expected at least 8 characters (Neo4j refuses shorter passwords)')
    .default(DEFAULT_NEO4J_PASSWORD),
  NEO4J_HEAP: memory.default('1g'),
  NEO4J_PAGECACHE: memory.default('512m'),
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
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = runtimeSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new RuntimeError(`Invalid environment for the local Neo4j:\n${lines.join('\n')}`);
  }
  const settings = parsed.data;
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
