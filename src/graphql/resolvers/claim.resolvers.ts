/** Claims one by one, affirmative or not: by holder and stance, polarity, validity date, place, event. */
import { findClaimsPage } from '../../db/claims.repo.ts';
import type { ClaimRow, ClaimSelection } from '../../db/rows.ts';
import { gradesAtLeast } from '../../domain/evidence-vocabulary.ts';
import { asOfBounds, checkFirst, checkRange, nonEmptyList, relationTypes } from '../args.ts';
import { decodeClaimCursor, encodeClaimCursor } from '../cursor.ts';
import type { ClaimFilter, Resolvers } from '../generated/resolvers-types.ts';
import { LIMITS } from '../limits.ts';
import { selectsField } from '../selection.ts';
import { projectedOrRequired } from './shared.ts';

/** Credibility runs from 1 (confirmed) to 6 (cannot be judged). */
const CREDIBILITY = { best: 1, worst: 6 } as const;

function claimSelection(filter: ClaimFilter): ClaimSelection {
  return {
    types: filter.types == null ? null : relationTypes(filter.types, 'filter.types'),
    subject: filter.subject ?? null,
    object: filter.object ?? null,
    holder: filter.holder ?? null,
    stances: nonEmptyList(filter.stances, 'filter.stances', 'stance'),
    polarity: filter.polarity ?? null,
    affirmative: filter.affirmative ?? null,
    place: filter.place ?? null,
    event: filter.event ?? null,
    section: filter.section ?? null,
    article: filter.article ?? null,
    reliabilities: filter.minReliability == null ? null : gradesAtLeast(filter.minReliability),
    maxCredibility:
      filter.maxCredibility == null
        ? null
        : checkRange(filter.maxCredibility, CREDIBILITY.best, CREDIBILITY.worst, 'filter.maxCredibility'),
    expandCollectives: filter.expandCollectives ?? false,
    filter: { asOf: asOfBounds(filter.asOf, 'filter.asOf') },
  };
}

const cursorOf = (claim: ClaimRow) =>
  encodeClaimCursor({
    dateStart: claim.evidence.dateStart ?? '',
    dateEnd: claim.evidence.dateEnd ?? '',
    articleId: claim.evidence.articleId,
    ordinal: claim.evidence.ordinal ?? 0,
  });

export const claimResolvers = {
  Query: {
    claims: async (_root, args, ctx, info) => {
      const first = checkFirst(args.first, LIMITS.claimsPage, 'first', 'page through the rest with after');
      const after = args.after ? decodeClaimCursor(args.after, 'after') : null;
      const page = await findClaimsPage(ctx.queries, claimSelection(args.filter ?? {}), first, after, {
        withTotalCount: selectsField(info, 'totalCount'),
      });
      const edges = page.rows.map((row) => ({ cursor: cursorOf(row), node: row }));
      return {
        edges,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: page.totalCount,
      };
    },
  },

  Claim: {
    id: (claim) => claim.evidence.id,
    attributions: (claim) => claim.evidence.attributions,
    subject: (claim, _args, ctx) => projectedOrRequired(ctx, claim.sourceEntity, claim.sourceId),
    object: (claim, _args, ctx) => projectedOrRequired(ctx, claim.targetEntity, claim.targetId),
  },
} satisfies Resolvers;
