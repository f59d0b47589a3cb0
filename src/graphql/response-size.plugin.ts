import type { Plugin } from 'graphql-yoga';
import { OperationLimitError } from './errors.ts';

/**
 * A last line of defence behind the cost limit: an answer above `maxBytes` of JSON is replaced
 * by RESPONSE_TOO_LARGE (HTTP 400), so one request cannot make the server build and send
 * tens of megabytes.
 */
export function useResponseSizeLimit(maxBytes: number): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const bytes = Buffer.byteLength(JSON.stringify(result.data ?? null));
          if (bytes <= maxBytes) return;
          setResult({
            data: null,
            errors: [
              new OperationLimitError(
                'responseSize',
                `The answer would be ${bytes} bytes, above the limit of ${maxBytes}; ask for smaller pages or fewer fields.`,
                { max: maxBytes, found: bytes },
              ),
            ],
            extensions: result.extensions,
          });
        },
      };
    },
  };
}
