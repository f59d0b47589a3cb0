import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { assertEnumsMatchVocabulary } from './enums.ts';
import { resolvers } from './resolvers/index.ts';

export const SDL_DIR = resolve(import.meta.dirname, '..', '..', 'schema');

/** Every `schema/*.graphql`, in file-name order. */
export function readTypeDefs(dir = SDL_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers,
    // A resolver for a field the SDL lacks is a typo that would silently never run.
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
  assertEnumsMatchVocabulary(schema);
  return schema;
}
