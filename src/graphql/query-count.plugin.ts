import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.ts';

/**
 * Reports each response's cost as `extensions.cypherQueries`: the number of Cypher queries
 * the request ran. It stays the same whatever the number of rows (the tests hold it to that).
 */
export function useQueryCount(): Plugin<GraphQLContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const count = args.contextValue.queries.count;
          setResult({ ...result, extensions: { ...result.extensions, cypherQueries: count } });
        },
      };
    },
  };
}
