/**
 * Wiring only: the GraphQL handler (schema, per-request context, error masking, GraphiQL,
 * CORS, operation limits, deadline, health and readiness) on a Node HTTP server with a body
 * size check, and a graceful close.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.ts';
import type { Db } from './db/driver.ts';
import { databaseAnswers } from './db/health.repo.ts';
import { createContext, type GraphQLContext } from './graphql/context.ts';
import { GRAPHIQL_TABS } from './graphql/graphiql-examples.ts';
import { useVariableErrorCodes } from './graphql/input-errors.plugin.ts';
import { useOperationLimits } from './graphql/operation-limits.plugin.ts';
import { useQueryCount } from './graphql/query-count.plugin.ts';
import { useRequestLog } from './graphql/request-log.plugin.ts';
import { useRequestDeadline } from './graphql/request-deadline.plugin.ts';
import { useResponseSizeLimit } from './graphql/response-size.plugin.ts';
import { buildSchema } from './graphql/schema.ts';
import { useSchemaPrivacy } from './graphql/schema-privacy.plugin.ts';
import { bodySizeRefusal } from './http/body-size.ts';
import { browserKitResponse, CORS_HEADERS as BROWSER_KIT_CORS_HEADERS, isBrowserKitPath } from './http/browser-kit.ts';
import { corsPolicy } from './http/cors.ts';
import { createLogger, type Logger } from './log/logger.ts';
import { yogaLogger } from './log/yoga-logger.ts';

/** The Neo4j Browser style and guide (src/http/browser-kit.ts), served beside the API. */
function useBrowserKit(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      const response = browserKitResponse(url.pathname, request.method);
      if (response) endResponse(response);
    },
    // Yoga's CORS step answers every preflight (OPTIONS) itself, before this plugin sees it:
    // give the kit its own `*` headers.
    onResponse({ request, response }) {
      if (!isBrowserKitPath(new URL(request.url).pathname)) return;
      for (const [name, value] of Object.entries(BROWSER_KIT_CORS_HEADERS)) response.headers.set(name, value);
    },
  };
}

export interface AppDeps {
  config: Config;
  db: Db;
  /** Defaults to a logger from the config (LOG_LEVEL), writing to stdout. */
  log?: Logger;
}

export interface App {
  yoga: YogaServerInstance<Record<string, never>, GraphQLContext>;
  /** From now on /readyz answers 503, so a load balancer stops sending new requests. */
  drain(): void;
}

export function createApp({ config, db, log = createLogger(config) }: AppDeps): App {
  let draining = false;
  const yoga = createYoga<Record<string, never>, GraphQLContext>({
    schema: buildSchema(),
    context: ({ request }) => createContext({ db, config, log }, request),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    // GraphQLErrors (our coded errors) pass; anything else becomes "Unexpected error.", with
    // the original message added in development only.
    maskedErrors: { isDev: config.NODE_ENV === 'development' },
    logging: yogaLogger(log),
    cors: corsPolicy(config.CORS_ORIGINS),
    graphiql: config.GRAPHIQL ? { title: 'Geopolitics graph', defaultTabs: GRAPHIQL_TABS } : false,
    // GraphiQL bundled with the server, not loaded from a CDN: it works offline and air-gapped.
    renderGraphiQL,
    plugins: [
      // First, so that its start time is the request's and its names are set before any resolver.
      useRequestLog(log),
      useReadinessCheck({ endpoint: '/readyz', check: async () => !draining && (await databaseAnswers(db)) }),
      useBrowserKit(),
      ...useOperationLimits(config),
      ...useSchemaPrivacy(config),
      useRequestDeadline(),
      useResponseSizeLimit(config.MAX_RESPONSE_BYTES),
      useQueryCount(),
      useVariableErrorCodes(),
    ],
  });
  return { yoga, drain: () => (draining = true) };
}

export interface RunningServer {
  url: string;
  /** Stops accepting, lets in-flight requests finish (at most `graceMs`), then frees the handler. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(deps: AppDeps): Promise<RunningServer> {
  const app = createApp(deps);
  const maxBytes = deps.config.MAX_REQUEST_BYTES;
  const server: Server = createServer((request, response) => {
    const refusal = bodySizeRefusal(request.method, request.headers, maxBytes);
    if (!refusal) return void app.yoga(request, response);
    // Close the connection: the body that follows is not read.
    response.writeHead(refusal.status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    response.end(JSON.stringify(refusal.body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.config.PORT, deps.config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${deps.config.HOST}:${port}/graphql`,
    async close(graceMs = 10_000) {
      app.drain();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A keep-alive connection would hold close() open after its last response: close each
      // one as soon as it is idle, and every connection once the grace period is over.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(force);
      await app.yoga.dispose();
    },
  };
}
