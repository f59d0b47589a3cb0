import { encodeRelationKey } from '../cursor.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { optionalEntity, projectedOrRequired, requireArticle } from './shared.ts';

export const relationResolvers = {
  Relation: {
    id: (relation) => encodeRelationKey(relation),
    source: (relation, _args, ctx) => projectedOrRequired(ctx, relation.sourceEntity, relation.sourceId),
    target: (relation, _args, ctx) => projectedOrRequired(ctx, relation.targetEntity, relation.targetId),
    via: (relation, _args, ctx) => optionalEntity(ctx, relation.viaId),
    // Read only when asked, for every relation of the response level at once.
    evidence: (relation, _args, ctx) =>
      relation.evidence ?? ctx.loaders.relationEvidence(relation.evidenceFilter).load(relation),
  },
  Evidence: {
    attributedTo: (evidence, _args, ctx) => optionalEntity(ctx, evidence.attributedTo),
    article: (evidence, _args, ctx) =>
      evidence.article
        ? ctx.loaders.primeArticles([evidence.article] as const)[0]
        : requireArticle(ctx, evidence.articleId),
  },
  Attribution: {
    holder: (attribution, _args, ctx) =>
      attribution.holder ? ctx.loaders.primeEntities([attribution.holder] as const)[0] : null,
  },
} satisfies Resolvers;
