/**
 * What a request may cost, priced before it runs: every field costs 1, and a list (or a page
 * of one) multiplies the cost of its selection by its size: the `first` it asks for, capped by
 * src/graphql/limits.ts, or the cap itself where the size is not an argument (a path's hops,
 * a neighborhood's nodes and relations), or a typical size where there is no cap. So nesting
 * multiplies: `relations(first: 50) { … source { relations(first: 50) { … } } }` costs 2,500
 * times the innermost selection.
 */
import { getNamedType, getNullableType, isLeafType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { ENTITY_TYPES as VOCABULARY_ENTITY_TYPES } from '../domain/vocabulary.ts';
import { LIMITS, LIST_ESTIMATES } from './limits.ts';

type Args = Record<string, unknown>;
type ListSize = (args: Args) => number;

/** `first` as asked, within 0..cap: above the cap the resolver's BAD_USER_INPUT says more than a cost error. */
const page =
  (cap: number): ListSize =>
  (args) => {
    const first = typeof args.first === 'number' ? args.first : cap;
    return Math.max(0, Math.min(first, cap));
  };
const fixed =
  (size: number): ListSize =>
  () =>
    size;

const ENTITY_TYPES = ['Entity', ...VOCABULARY_ENTITY_TYPES];

/** Fields whose size an argument or a cap sets, by `Type.field`. */
const SIZED_FIELDS: ReadonlyMap<string, ListSize> = new Map([
  ...ENTITY_TYPES.flatMap((type): Array<[string, ListSize]> => [
    [`${type}.relations`, page(LIMITS.entityRelations)],
    [`${type}.articles`, page(LIMITS.articles)],
  ]),
  ['Person.authored', page(LIMITS.articles)],
  ['Statement.claims', page(LIMITS.entityRelations)],
  // A connection: its page size multiplies its edges (and, harmlessly, totalCount and pageInfo).
  ['Query.relations', page(LIMITS.relationsPage)],
  ['RelationConnection.edges', fixed(1)],
  ['Query.claims', page(LIMITS.claimsPage)],
  ['ClaimConnection.edges', fixed(1)],
  ['Query.search', page(LIMITS.search)],
  ['Query.articles', page(LIMITS.articles)],
  ['Query.ranking', page(LIMITS.ranking)],
  ['Query.timeline', page(LIMITS.timeline)],
  ['Path.nodes', fixed(LIMITS.maxHops + 1)],
  ['Path.relations', fixed(LIMITS.maxHops)],
  ['Subgraph.nodes', fixed(LIMITS.neighborhoodNodes)],
  ['Subgraph.relations', fixed(LIMITS.neighborhoodRelations)],
]);

const otherListSize = (coordinate: string): number => LIST_ESTIMATES[coordinate] ?? LIST_ESTIMATES.otherList ?? 20;

export const listCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection (GraphiQL's schema query) reads the schema in memory, never the database.
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  const coordinate = `${type.name}.${field.name}`;
  const sized = SIZED_FIELDS.get(coordinate);
  const nullable = getNullableType(field.type);
  // A list of scalars (aliases) comes with its parent's row: no extra cost per item.
  const isObjectList = isListType(nullable) && !isLeafType(getNamedType(field.type));
  const size = sized ? sized(args) : isObjectList ? otherListSize(coordinate) : 1;
  return size * (1 + childComplexity);
};

/** Fragments can make a small document expand into many fields; beyond this, it is too costly. */
const MAX_QUERY_NODES = 10_000;

export type CostResult = { cost: number } | { tooManyNodes: true } | { invalidVariables: true };

/** The cost of a valid document's operation with these variables. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Args | undefined,
  operationName: string | undefined,
): CostResult {
  try {
    return {
      cost: getComplexity({
        schema,
        query: document,
        variables,
        operationName,
        estimators: [listCostEstimator],
        maxQueryNodes: MAX_QUERY_NODES,
      }),
    };
  } catch (error) {
    // Variables that do not fit their types: execution reports them (BAD_USER_INPUT).
    if (error instanceof Error && /^Variable "\$/.test(error.message)) return { invalidVariables: true };
    return { tooManyNodes: true };
  }
}
