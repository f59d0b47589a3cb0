import { listArticles } from '../../db/articles.repo.ts';
import { searchEntities } from '../../db/entities.repo.ts';
import { findRelationsByKeys, findRelationsPage } from '../../db/relations.repo.ts';
import { asOfBounds, checkConfidence, checkFirst, dateWindow, relationTypes } from '../args.ts';
import { decodeRelationKey, encodeRelationKey } from '../cursor.ts';
import { BadUserInputError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { LIMITS } from '../limits.ts';
import { buildLuceneQuery } from '../lucene.ts';
import { rankSearchHits } from '../search-ranking.ts';
import { selectsField, selectsPath } from '../selection.ts';

/** Lucene hits fetched per requested result, so that re-ranking has candidates to choose from. */
const SEARCH_CANDIDATES_PER_RESULT = 3;
const SEARCH_MIN_CANDIDATES = 30;

export const queryResolvers = {
  Query: {
    entity: (_root, args, ctx) => ctx.loaders.entity.load(args.id),

    search: async (_root, args, ctx) => {
      const first = checkFirst(args.first, LIMITS.search);
      if (args.query.length > LIMITS.searchQueryLength) {
        throw new BadUserInputError({
          field: 'query',
          reason: `expected at most ${LIMITS.searchQueryLength} characters, received ${args.query.length}`,
        });
      }
      const lucene = buildLuceneQuery(args.query);
      if (lucene === null)
        throw new BadUserInputError({ field: 'query', reason: 'expected at least one letter or digit to search for' });
      const types = args.types && args.types.length > 0 ? args.types : null;
      const candidates = Math.max(first * SEARCH_CANDIDATES_PER_RESULT, SEARCH_MIN_CANDIDATES);
      const hits = await searchEntities(ctx.queries, lucene, types, candidates);
      return ctx.loaders.primeEntities(rankSearchHits(args.query, hits).slice(0, first));
    },

    relations: async (_root, args, ctx, info) => {
      const first = checkFirst(args.first, LIMITS.relationsPage, 'first', 'page through the rest with after');
      const after = args.after ? decodeRelationKey(args.after, 'after') : null;
      const filter = args.filter ?? {};
      if (filter.modalities && filter.modalities.length === 0) {
        throw new BadUserInputError({
          field: 'filter.modalities',
          reason: 'expected at least one modality, or no list for all',
        });
      }
      const page = await findRelationsPage(
        ctx.queries,
        {
          source: filter.source ?? null,
          target: filter.target ?? null,
          types: relationTypes(filter.types, 'filter.types'),
          includeStatements: filter.includeStatements ?? false,
          expandCollectives: filter.expandCollectives ?? false,
          filter: {
            minConfidence: checkConfidence(filter.minConfidence, 'filter.minConfidence'),
            modalities: filter.modalities ?? null,
            ...dateWindow(filter.since, filter.until, 'filter.'),
            asOf: asOfBounds(filter.asOf, 'filter.asOf'),
          },
        },
        first,
        after,
        {
          withTotalCount: selectsField(info, 'totalCount'),
          withEvidence: selectsPath(info, ['edges', 'node', 'evidence']),
        },
      );
      const edges = page.rows.map((row) => ({ cursor: encodeRelationKey(row), node: row }));
      return {
        edges,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: page.totalCount,
      };
    },

    relation: async (_root, args, ctx) => {
      const [row] = await findRelationsByKeys(ctx.queries, [decodeRelationKey(args.id, 'id')]);
      return row ?? null;
    },

    article: (_root, args, ctx) => ctx.loaders.article.load(args.id),

    articles: async (_root, args, ctx) =>
      ctx.loaders.primeArticles(await listArticles(ctx.queries, checkFirst(args.first, LIMITS.articles))),
  },
} satisfies Resolvers;
