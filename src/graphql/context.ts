import type { Config } from '../config.ts';
import type { Db } from '../db/driver.ts';
import { ingestLimitsOf, type IngestLimits, type IngestLimitSettings } from '../ingest/ingest-limits.ts';
import { createQueryRunner, type CountingQueryRunner } from '../db/query-runner.ts';
import { authenticate, type AuthState } from './auth.ts';
import { mapNeo4jError } from './errors.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface GraphQLContext {
  db: Db;
  /** Every read of this request goes through it; `queries.count` is the request's cost. */
  queries: CountingQueryRunner;
  loaders: Loaders;
  auth: AuthState;
  /** Caps on a document sent to ingestArticle. */
  ingestLimits: IngestLimits;
}

export interface ContextDeps {
  db: Db;
  config: Pick<Config, 'API_TOKEN'> & IngestLimitSettings;
}

/** A plain function of the request, so tests can build a context without a server. */
export function createContext(deps: ContextDeps, request: Pick<Request, 'headers'>): GraphQLContext {
  const queries = createQueryRunner(deps.db, { mapError: mapNeo4jError });
  return {
    db: deps.db,
    queries,
    loaders: createLoaders(queries),
    auth: authenticate(request.headers.get('authorization'), deps.config.API_TOKEN),
    ingestLimits: ingestLimitsOf(deps.config),
  };
}
