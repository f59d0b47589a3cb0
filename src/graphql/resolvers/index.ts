import { analysisResolvers } from './analysis.resolvers.ts';
import { articleResolvers } from './article.resolvers.ts';
import { claimResolvers } from './claim.resolvers.ts';
import { entityResolvers } from './entity.resolvers.ts';
import { enumResolvers } from './enums.resolvers.ts';
import { graphResolvers } from './graph.resolvers.ts';
import { jsonResolvers } from './json.resolvers.ts';
import { mutationResolvers } from './mutation.resolvers.ts';
import { queryResolvers } from './query.resolvers.ts';
import { relationResolvers } from './relation.resolvers.ts';

/** makeExecutableSchema merges these; each file owns its types or its Query fields. */
export const resolvers = [
  enumResolvers,
  jsonResolvers,
  queryResolvers,
  graphResolvers,
  analysisResolvers,
  entityResolvers,
  relationResolvers,
  claimResolvers,
  articleResolvers,
  mutationResolvers,
];
