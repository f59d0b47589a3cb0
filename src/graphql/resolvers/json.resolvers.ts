import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import type { Resolvers } from '../generated/resolvers-types.ts';

/** Any JSON value; the ingest pipeline validates its shape, with paths into the document. */
export const jsonResolvers = {
  JSON: new GraphQLScalarType({
    name: 'JSON',
    description: 'Any JSON value.',
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: (ast, variables) => (ast.kind === Kind.NULL ? null : valueFromASTUntyped(ast, variables)),
  }),
} satisfies Resolvers;
