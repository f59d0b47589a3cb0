/**
 * Limits checked on the document, before anything runs: size (tokens, counted before the
 * parser runs, which also bounds its recursion), depth, aliases, directives (GraphQL Armor),
 * then the cost (src/graphql/query-cost.ts). Each refusal is an OperationLimitError: a code
 * per limit and HTTP 400, never a Cypher query sent.
 */
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { Lexer, Source, TokenKind, type GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { OperationLimitError, type LimitName } from './errors.ts';
import { operationCost } from './query-cost.ts';

export type OperationLimitsConfig = Pick<
  Config,
  'MAX_TOKENS' | 'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_COST'
>;

/** Armor reports a refusal as an uncoded "Syntax Error: …" GraphQLError; report ours instead. */
function rejectAs(limit: LimitName, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        const details = found ? { max, found: Number(found) } : { max };
        context?.reportError(new OperationLimitError(limit, error.message.replace(/^Syntax Error: /, ''), details));
      },
    ],
  };
}

/** True when `query` has more than `max` tokens; the lexer is a loop, safe on any input. */
function hasMoreTokens(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 0; count <= max; count += 1) {
      if (lexer.advance().kind === TokenKind.EOF) return false;
    }
    return true;
  } catch {
    // Not lexable: the parser reports the syntax error.
    return false;
  }
}

/**
 * Counted on the request's parameters, before the parser: a refusal from inside the parser
 * would reach the client as a parse error, which Yoga answers 200 to JSON clients.
 */
function useTokenLimit(maxTokens: number): Plugin {
  return {
    onParams({ params, setResult }) {
      if (typeof params.query === 'string' && hasMoreTokens(params.query, maxTokens)) {
        setResult({
          errors: [new OperationLimitError('tokens', `Token limit of ${maxTokens} exceeded.`, { max: maxTokens })],
        });
      }
    },
  };
}

/**
 * Priced at the start of execution, not in validation: the price depends on the variables, and
 * Yoga caches validation results per document.
 */
function useCostLimit(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const result = operationCost(
        args.schema,
        args.document,
        args.variableValues ?? undefined,
        args.operationName ?? undefined,
      );
      if ('invalidVariables' in result) return;
      if ('tooManyNodes' in result) {
        setResultAndStopExecution({
          errors: [
            new OperationLimitError(
              'cost',
              'The query expands into too many fields (fragments spread over and over).',
              { max: maxCost },
            ),
          ],
        });
      } else if (result.cost > maxCost) {
        const message = `The query may cost ${result.cost}, above the limit of ${maxCost}; ask for smaller pages (first), fewer nested lists or fewer aliases.`;
        setResultAndStopExecution({
          errors: [new OperationLimitError('cost', message, { max: maxCost, found: result.cost })],
        });
      }
    },
  };
}

export function useOperationLimits(config: OperationLimitsConfig): Plugin[] {
  return [
    useTokenLimit(config.MAX_TOKENS),
    maxDepthPlugin({ n: config.MAX_DEPTH, ...rejectAs('depth', config.MAX_DEPTH) }),
    maxAliasesPlugin({ n: config.MAX_ALIASES, ...rejectAs('aliases', config.MAX_ALIASES) }),
    maxDirectivesPlugin({ n: config.MAX_DIRECTIVES, ...rejectAs('directives', config.MAX_DIRECTIVES) }),
    useCostLimit(config.MAX_COST),
  ];
}
