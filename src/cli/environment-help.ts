/**
 * What each environment variable means, in one line, for the commands' `--help`. The full
 * table (and every limit the API reads) is in the README, "Configuration".
 */
const DESCRIPTIONS: Record<string, string> = {
  NEO4J_URI: 'Bolt URI of Neo4j (default bolt://localhost:7687)',
  NEO4J_USER: 'Neo4j user (default neo4j)',
  NEO4J_PASSWORD: 'Neo4j password (default geograph-local; a local instance keeps the one of its first start)',
  NEO4J_DATABASE: 'database named in every query (default neo4j)',
  PORT: 'port the API listens on (default 4000)',
  HOST: 'address the API listens on (default 127.0.0.1; 0.0.0.0 in containers)',
  API_TOKEN: 'bearer token that enables mutations (16+ characters; unset: mutations off)',
  NODE_ENV: 'production (default) masks unexpected errors; development explains them',
  GRAPHIQL: 'GraphiQL on GET /graphql (default false; true with npm run up)',
  NEO4J_RUNTIME: 'local (default: Neo4j with the local Java) or docker (docker compose)',
  NEO4J_BOLT_PORT: 'Bolt port of the local Neo4j (default 7687)',
  NEO4J_HTTP_PORT: 'HTTP (Browser) port of the local Neo4j (default 7474)',
  NEO4J_LOCAL_DIR: 'folder of the local instance: conf, data, logs, run (default .neo4j)',
  NEO4J_HEAP: 'heap of the local Neo4j (default 1g)',
  NEO4J_PAGECACHE: 'page cache of the local Neo4j (default 512m)',
  NEO4J_START_TIMEOUT: 'seconds to wait for Bolt to answer (default 180)',
  NEO4J_CACHE_DIR: 'where the Neo4j jars are cached (default ~/.cache/geopolitics-graph/neo4j)',
  JAVA_HOME: 'the Java (17+) that runs Neo4j (default: java on PATH)',
  INGEST_MAX_BYTES: 'largest extracted article in bytes (default 2097152)',
  INGEST_MAX_ENTITIES: 'most entities in one article (default 2000)',
  INGEST_MAX_RELATIONS: 'most relations in one article (default 10000)',
  INGEST_MAX_ISSUES_SHOWN: 'problems listed before the rest are counted (default 100)',
  NEO4J_BENCH_BOLT_PORT: 'Bolt port of the bench Neo4j (default 17697)',
  NEO4J_BENCH_HTTP_PORT: 'HTTP port of the bench Neo4j (default 17484)',
  NEO4J_BENCH_LOCAL_DIR: 'folder of the bench Neo4j (default .neo4j-bench)',
  LOG_LEVEL: 'fatal, error, warn, info (default), debug (each Cypher query), trace or silent; logs are JSON lines',
  DEBUG: '1 shows the stack of an error, as --verbose does',
};

/** The environment the API reads (src/config.ts); the limits are listed in the README. */
export const API_ENVIRONMENT = [
  'NEO4J_URI',
  'NEO4J_USER',
  'NEO4J_PASSWORD',
  'NEO4J_DATABASE',
  'PORT',
  'HOST',
  'API_TOKEN',
  'NODE_ENV',
  'GRAPHIQL',
  'LOG_LEVEL',
] as const;

/** The environment of the local Neo4j runtime (src/runtime/runtime-settings.ts). */
export const RUNTIME_ENVIRONMENT = [
  'NEO4J_RUNTIME',
  'NEO4J_BOLT_PORT',
  'NEO4J_HTTP_PORT',
  'NEO4J_LOCAL_DIR',
  'NEO4J_PASSWORD',
  'NEO4J_HEAP',
  'NEO4J_PAGECACHE',
  'NEO4J_START_TIMEOUT',
  'NEO4J_CACHE_DIR',
  'JAVA_HOME',
] as const;

export const DATABASE_ENVIRONMENT = [
  'NEO4J_URI',
  'NEO4J_USER',
  'NEO4J_PASSWORD',
  'NEO4J_DATABASE',
  'LOG_LEVEL',
] as const;

export function environmentHelp(names: readonly string[]): Array<[string, string]> {
  const unique = [...new Set([...names, 'DEBUG'])];
  return unique.map((name) => {
    const description = DESCRIPTIONS[name];
    if (!description) throw new Error(`environment-help.ts describes no variable ${name}`);
    return [name, description];
  });
}
