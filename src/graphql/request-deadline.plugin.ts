import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.ts';
import { RequestTimeoutError } from './errors.ts';

/**
 * The request's answer by its deadline (context.deadline), else REQUEST_TIMEOUT (HTTP 504).
 * The resolvers still running then send no more Cypher (the query runner checks the same
 * deadline), and the queries in flight stop in the database: their transaction timeout was the
 * time left when they started.
 */
export function useRequestDeadline(): Plugin<GraphQLContext> {
  return {
    onExecute({ executeFn, setExecuteFn, args }) {
      const { deadline } = args.contextValue;
      setExecuteFn(async (executionArgs) => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(
            () => resolve({ data: null, errors: [new RequestTimeoutError(deadline.timeoutMs)] }),
            Math.max(0, deadline.remainingMs()),
          );
        });
        try {
          return await Promise.race([executeFn(executionArgs) as Promise<ExecutionResult>, timedOut]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
