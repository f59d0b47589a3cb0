/** The questions analysts ask after the contract's: between two actors, who ranks first, when. */
import { compareEvidenceByDate, seenRange } from '../../db/evidence-dates.ts';
import { findDyad, findRanking, findTimeline } from '../../db/relations.repo.ts';
import { asOfBounds, checkFirst, dateWindow, relationTypes } from '../args.ts';
import { encodeRelationKey } from '../cursor.ts';
import { NotFoundError } from '../errors.ts';
import type { Resolvers, ResolversParentTypes } from '../generated/resolvers-types.ts';
import { LIMITS } from '../limits.ts';
import { requireEntity } from './shared.ts';

type TimelineEvent = ResolversParentTypes['TimelineEvent'];

const byEvidenceDate = (x: TimelineEvent, y: TimelineEvent) => compareEvidenceByDate(x.evidence, y.evidence);

export const analysisResolvers = {
  Query: {
    dyad: async (_root, args, ctx) => {
      const result = await findDyad(ctx.queries, args.a, args.b, {
        types: relationTypes(args.types),
        includeStatements: args.includeStatements,
        filter: { asOf: asOfBounds(args.asOf, 'asOf') },
      });
      if (!result.aFound) throw new NotFoundError('entity', args.a, 'a');
      if (!result.bFound) throw new NotFoundError('entity', args.b, 'b');
      return { aId: result.aId, bId: result.bId, relations: result.rows };
    },

    ranking: async (_root, args, ctx) => {
      const rows = await findRanking(ctx.queries, {
        type: args.type,
        role: args.role,
        first: checkFirst(args.first, LIMITS.ranking),
        includeStatements: args.includeStatements,
        expandCollectives: args.expandCollectives,
        filter: dateWindow(args.since, args.until),
      });
      ctx.loaders.primeEntities(rows.map((row) => row.entity));
      return rows;
    },

    timeline: async (_root, args, ctx) => {
      const result = await findTimeline(ctx.queries, args.id, {
        types: relationTypes(args.types),
        includeStatements: args.includeStatements,
        filter: { ...dateWindow(args.since, args.until), asOf: asOfBounds(args.asOf, 'asOf') },
        first: checkFirst(args.first, LIMITS.timeline),
      });
      if (!result.found) throw new NotFoundError('entity', args.id, 'id');
      const relations = new Map(result.rows.map((row) => [encodeRelationKey(row), row]));
      return result.events.flatMap(({ key, evidence }) => {
        const relation = relations.get(encodeRelationKey(key));
        return relation ? [{ date: evidence.effectiveDate, relation, evidence }] : [];
      });
    },
  },

  Dyad: {
    a: (dyad, _args, ctx) => requireEntity(ctx, dyad.aId),
    b: (dyad, _args, ctx) => requireEntity(ctx, dyad.bId),
    timeline: (dyad): TimelineEvent[] =>
      dyad.relations
        .flatMap((relation) =>
          relation.evidence.map((evidence) => ({ date: evidence.effectiveDate, relation, evidence })),
        )
        .sort(byEvidenceDate),
    articleCount: (dyad) =>
      new Set(dyad.relations.flatMap((relation) => relation.evidence.map((e) => e.articleId))).size,
    firstSeen: (dyad) => seenRange(dyad.relations.flatMap((relation) => relation.evidence)).firstSeen,
    lastSeen: (dyad) => seenRange(dyad.relations.flatMap((relation) => relation.evidence)).lastSeen,
  },
} satisfies Resolvers;
