/** The questions analysts ask after the contract's: between two actors, who ranks first, when. */
import { compareEvidenceByDate, seenRange } from '../../db/evidence-dates.ts';
import { findDyad, findRanking, findTimeline, type RelationWithEvidence } from '../../db/relations.repo.ts';
import type { EvidenceRow, RelationRow } from '../../db/rows.ts';
import type { RelationType } from '../../domain/vocabulary.ts';
import { checkFirst, dateWindow, relationTypes } from '../args.ts';
import type { GraphQLContext } from '../context.ts';
import { encodeRelationKey } from '../cursor.ts';
import { NotFoundError } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import { requireEntity } from './shared.ts';

interface TimelineEvent {
  date: string | null;
  relation: RelationRow;
  evidence: EvidenceRow;
}

interface Dyad {
  aId: string;
  bId: string;
  relations: RelationWithEvidence[];
}

const byEvidenceDate = (x: TimelineEvent, y: TimelineEvent) => compareEvidenceByDate(x.evidence, y.evidence);

export const analysisResolvers = {
  Query: {
    dyad: async (
      _root: unknown,
      args: { a: string; b: string; types?: RelationType[] | null; includeStatements: boolean },
      ctx: GraphQLContext,
    ): Promise<Dyad> => {
      const result = await findDyad(ctx.queries, args.a, args.b, {
        types: relationTypes(args.types),
        includeStatements: args.includeStatements,
        filter: {},
      });
      if (!result.aFound) throw new NotFoundError('entity', args.a, 'a');
      if (!result.bFound) throw new NotFoundError('entity', args.b, 'b');
      return { aId: result.aId, bId: result.bId, relations: result.rows };
    },

    ranking: async (
      _root: unknown,
      args: {
        type: RelationType;
        role: 'SOURCE' | 'TARGET';
        first: number;
        includeStatements: boolean;
        since?: string | null;
        until?: string | null;
      },
      ctx: GraphQLContext,
    ) => {
      const rows = await findRanking(ctx.queries, {
        type: args.type,
        role: args.role,
        first: checkFirst(args.first, LIMITS.ranking),
        includeStatements: args.includeStatements,
        filter: dateWindow(args.since, args.until),
      });
      ctx.loaders.primeEntities(rows.map((row) => row.entity));
      return rows;
    },

    timeline: async (
      _root: unknown,
      args: {
        id: string;
        types?: RelationType[] | null;
        since?: string | null;
        until?: string | null;
        includeStatements: boolean;
        first: number;
      },
      ctx: GraphQLContext,
    ): Promise<TimelineEvent[]> => {
      const result = await findTimeline(ctx.queries, args.id, {
        types: relationTypes(args.types),
        includeStatements: args.includeStatements,
        filter: dateWindow(args.since, args.until),
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
    a: (dyad: Dyad, _args: unknown, ctx: GraphQLContext) => requireEntity(ctx, dyad.aId),
    b: (dyad: Dyad, _args: unknown, ctx: GraphQLContext) => requireEntity(ctx, dyad.bId),
    timeline: (dyad: Dyad): TimelineEvent[] =>
      dyad.relations
        .flatMap((relation) =>
          relation.evidence.map((evidence) => ({ date: evidence.effectiveDate, relation, evidence })),
        )
        .sort(byEvidenceDate),
    articleCount: (dyad: Dyad) =>
      new Set(dyad.relations.flatMap((relation) => relation.evidence.map((e) => e.articleId))).size,
    firstSeen: (dyad: Dyad) => seenRange(dyad.relations.flatMap((relation) => relation.evidence)).firstSeen,
    lastSeen: (dyad: Dyad) => seenRange(dyad.relations.flatMap((relation) => relation.evidence)).lastSeen,
  },
};
