import { z } from 'zod';
import { flag, neo4jPassword, port, positiveInt } from './env/fields.ts';
import { parseEnv } from './env/parse-env.ts';

/**
 * Environment, parsed once with zod. Every other module receives a Config; nothing else
 * reads process.env, so a bad variable fails at start-up with its name.
 */

/** A comma-separated list of origins such as `https://app.example.org`. */
const origins = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }).transform((url) => new URL(url).origin)))
  .default([]);

const configSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(
      /^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/,
      'expected a Bolt URI such as bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io',
    )
    .default('bolt://localhost:7687'),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: neo4jPassword,
  NEO4J_DATABASE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{2,62}$/, 'expected a Neo4j database name such as neo4j')
    .default('neo4j'),
  PORT: port(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  API_TOKEN: z.string().min(16, 'expected at least 16 characters; leave it unset to disable mutations').optional(),
  // Production unless development is asked for: masked errors, no stack traces.
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Unset: info, and silent under NODE_ENV=test (src/log/logger.ts). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** GraphiQL on GET /graphql; `npm run up` turns it on unless set. */
  GRAPHIQL: flag().default(false),
  /** Introspection queries; unset = allowed with GraphiQL (it needs them) or in development. */
  INTROSPECTION: flag(),
  /** Origins allowed to call the API from a web page; none by default. */
  CORS_ORIGINS: origins,
  // Operation limits, checked before anything runs (docs/api.md, "Limits").
  MAX_DEPTH: positiveInt(6, 100),
  MAX_ALIASES: positiveInt(15, 1000),
  MAX_TOKENS: positiveInt(1000, 100_000),
  MAX_DIRECTIVES: positiveInt(50, 1000),
  MAX_COST: positiveInt(25_000),
  MAX_RESPONSE_BYTES: positiveInt(5_000_000),
  /** Largest request body: room for an ingested article at INGEST_MAX_BYTES (2 MiB) and its query. */
  MAX_REQUEST_BYTES: positiveInt(3_000_000),
  /** The whole request; each Cypher query gets what is left of it as its transaction timeout. */
  REQUEST_TIMEOUT_MS: positiveInt(10_000, 600_000),
  /** At most this per Cypher query, even when the request has more time left. */
  QUERY_TIMEOUT_MS: positiveInt(10_000, 600_000),
  /** Cypher queries one request may run, and run at the same time (the pool is shared). */
  MAX_QUERIES_PER_REQUEST: positiveInt(50, 10_000),
  MAX_CONCURRENT_QUERIES_PER_REQUEST: positiveInt(4, 50),
  // Caps on one extracted article, for `npm run seed` and `ingestArticle` (src/ingest/ingest-limits.ts).
  INGEST_MAX_BYTES: positiveInt(2 * 1024 * 1024),
  INGEST_MAX_ENTITIES: positiveInt(2_000),
  INGEST_MAX_RELATIONS: positiveInt(10_000),
  INGEST_MAX_ISSUES_SHOWN: positiveInt(100),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(configSchema, env, (message) => new ConfigError(message));
}
