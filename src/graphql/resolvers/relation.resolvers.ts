import type { EvidenceRow, RelationRow } from '../../db/rows.ts';
import type { GraphQLContext } from '../context.ts';
import { encodeRelationKey } from '../cursor.ts';
import { optionalEntity, requireArticle, requireEntity } from './shared.ts';

export const relationResolvers = {
  Relation: {
    id: (relation: RelationRow) => encodeRelationKey(relation),
    source: (relation: RelationRow, _args: unknown, ctx: GraphQLContext) =>
      relation.sourceEntity
        ? ctx.loaders.primeEntities([relation.sourceEntity])[0]
        : requireEntity(ctx, relation.sourceId),
    target: (relation: RelationRow, _args: unknown, ctx: GraphQLContext) =>
      relation.targetEntity
        ? ctx.loaders.primeEntities([relation.targetEntity])[0]
        : requireEntity(ctx, relation.targetId),
    via: (relation: RelationRow, _args: unknown, ctx: GraphQLContext) => optionalEntity(ctx, relation.viaId),
    // Read only when asked, for every relation of the response level at once.
    evidence: (relation: RelationRow, _args: unknown, ctx: GraphQLContext) =>
      relation.evidence ?? ctx.loaders.relationEvidence(relation.evidenceFilter).load(relation),
  },
  Evidence: {
    attributedTo: (evidence: EvidenceRow, _args: unknown, ctx: GraphQLContext) =>
      optionalEntity(ctx, evidence.attributedTo),
    article: (evidence: EvidenceRow, _args: unknown, ctx: GraphQLContext) =>
      evidence.article ? ctx.loaders.primeArticles([evidence.article])[0] : requireArticle(ctx, evidence.articleId),
  },
};
