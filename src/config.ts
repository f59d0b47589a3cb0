import { z } from 'zod';

/**
 * Environment, parsed once with zod. Every other module receives a Config; nothing else
 * reads process.env, so a bad variable fails at start-up with its name.
 */
const port = (fallback: number) =>
  z.coerce.number().int().min(1).max(65535).default(fallback);

/** A positive whole number from the environment, e.g. a cap. */
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const configSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected a Bolt URI such as bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io')
    .default('bolt://localhost:7687'),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'expected at least 8 characters (Neo4j refuses shorter passwords)').default('geograph-local'),
  NEO4J_DATABASE: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,62}$/, 'expected a Neo4j database name such as neo4j').default('neo4j'),
  PORT: port(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  API_TOKEN: z.string().min(16, 'expected at least 16 characters; leave it unset to disable mutations').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Caps on one extracted article, for `npm run seed` and `ingestArticle` (src/ingest/ingest-limits.ts).
  INGEST_MAX_BYTES: count(2 * 1024 * 1024),
  INGEST_MAX_ENTITIES: count(2_000),
  INGEST_MAX_RELATIONS: count(10_000),
  INGEST_MAX_ISSUES_SHOWN: count(100),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in shells and .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const value = env[name];
    const shown = name.includes('PASSWORD') || name.includes('TOKEN') ? '(hidden)' : JSON.stringify(value);
    return `  ${name}=${shown}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
}
