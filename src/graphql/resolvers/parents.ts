/**
 * The values resolvers return for SDL types that are not a repository row as it is: the
 * `mappers` of codegen.ts name these as the parents of those types' field resolvers.
 */
import type { RelationWithEvidence } from '../../db/relations.repo.ts';
import type { ClaimRow, RelationRow } from '../../db/rows.ts';
import type { SeedReport } from '../../ingest/seed-run.ts';

/** `totalCount` is counted only when the response asks for it. */
export interface RelationConnectionParent {
  edges: Array<{ cursor: string; node: RelationRow }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | null;
}

export interface ClaimConnectionParent {
  edges: Array<{ cursor: string; node: ClaimRow }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | null;
}

export interface DyadParent {
  aId: string;
  bId: string;
  relations: RelationWithEvidence[];
}

export type IngestReportParent = SeedReport & { articleId: string; outcome: 'created' | 'replaced' | 'unchanged' };

export type MergeRecordParent = SeedReport['merges'][number];
