import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js words every variable coercion failure this way (`Variable "$first" got invalid value ...`). */
const VARIABLE_ERROR = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/;

/**
 * A variable of the wrong type is the client's input error like any other, but graphql-js
 * reports it without a code. Give it BAD_USER_INPUT and the variable's name as the field.
 */
export function useVariableErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors) return;
          let changed = false;
          const errors = result.errors.map((error) => {
            const variable = VARIABLE_ERROR.exec(error.message)?.[1];
            if (!variable || error.path || error.extensions.code) return error;
            changed = true;
            return new GraphQLError(error.message, {
              nodes: error.nodes,
              extensions: { ...error.extensions, code: 'BAD_USER_INPUT', field: `$${variable}`, reason: error.message },
            });
          });
          if (changed) setResult({ ...result, errors });
        },
      };
    },
  };
}
