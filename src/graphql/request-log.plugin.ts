import { getOperationAST, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../log/logger.ts';
import { requestIdOf } from '../log/request-id.ts';
import type { GraphQLContext } from './context.ts';

/** What one request did, gathered hook by hook and logged once its response is ready. */
interface RequestRecord {
  startedAt: number;
  operationName?: string;
  operationType?: string;
  context?: GraphQLContext;
  errorCodes: Set<string>;
}

/**
 * The operation as a person reads it: its name, else its type and first field
 * (`query.entity`), so an anonymous query is still told apart in logs and SHOW TRANSACTIONS.
 */
export function operationLabel(operation: OperationDefinitionNode): string {
  if (operation.name) return operation.name.value;
  const [first] = operation.selectionSet.selections;
  return first?.kind === 'Field' ? `${operation.operation}.${first.name.value}` : operation.operation;
}

function describe(document: DocumentNode, operationName: string | null | undefined) {
  const operation = getOperationAST(document, operationName);
  return operation ? { label: operationLabel(operation), type: operation.operation } : undefined;
}

type ErrorsOf = { errors?: ReadonlyArray<{ extensions?: { code?: unknown; reason?: unknown } }> } | null;

/** Each error's code, with its reason when that is a code too (`SERVICE_UNAVAILABLE:DATABASE_AUTH_FAILED`). */
function errorCodesOf(result: unknown): string[] {
  const results = Array.isArray(result) ? (result as unknown[]) : [result];
  return results.flatMap((one) =>
    ((one as ErrorsOf)?.errors ?? []).map(({ extensions }) => {
      const code = String(extensions?.code ?? 'UNCODED');
      const reason = extensions?.reason;
      return typeof reason === 'string' && /^[A-Z_]+$/.test(reason) ? `${code}:${reason}` : code;
    }),
  );
}

/**
 * One line per GraphQL request (info, warn for a 5xx): operation, type, duration, Cypher
 * query count, HTTP status and error codes; other paths (health, readiness, the Browser kit) at debug. It also
 * names the operation in the request's transaction metadata (context.trace) before any resolver
 * runs, and returns the request id as `x-request-id`.
 */
export function useRequestLog(log: Logger): Plugin<GraphQLContext> {
  const records = new WeakMap<Request, RequestRecord>();
  const recordOf = (request: Request): RequestRecord => {
    let record = records.get(request);
    if (!record) {
      record = { startedAt: performance.now(), errorCodes: new Set() };
      records.set(request, record);
    }
    return record;
  };
  return {
    onRequest({ request }) {
      recordOf(request);
    },
    onParams({ request, params }) {
      if (params.operationName) recordOf(request).operationName = params.operationName;
    },
    onExecute({ args }) {
      const record = recordOf(args.contextValue.request);
      record.context = args.contextValue;
      const operation = describe(args.document, args.operationName);
      if (!operation) return;
      record.operationName = operation.label;
      record.operationType = operation.type;
      args.contextValue.trace.metadata.operation = operation.label;
    },
    onResultProcess({ request, result }) {
      for (const code of errorCodesOf(result)) recordOf(request).errorCodes.add(code);
    },
    onResponse({ request, response }) {
      const record = recordOf(request);
      const requestId = requestIdOf(request);
      response.headers.set('x-request-id', requestId);
      const path = new URL(request.url).pathname;
      const fields = {
        requestId,
        method: request.method,
        path,
        status: response.status,
        durationMs: Math.round(performance.now() - record.startedAt),
      };
      if (path !== '/graphql') return void log.debug(fields, 'request');
      // A server-side failure (the database unreachable, a timeout) is what an operator watches for.
      log[response.status >= 500 ? 'warn' : 'info'](
        {
          ...fields,
          operation: record.operationName,
          operationType: record.operationType,
          cypherQueries: record.context?.trace.queries ?? 0,
          ...(record.errorCodes.size > 0 && { errorCodes: [...record.errorCodes] }),
        },
        'graphql request',
      );
    },
  };
}
