/**
 * What the repositories return: plain JS objects (no Neo4j types), one shape per kind of
 * row, shared by the repositories and the GraphQL resolvers that read them.
 */
import type { EntityType, Modality, RelationType } from '../domain/vocabulary.ts';

export interface EntityRow {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string | null;
  wikidata: string | null;
  iso3: string | null;
  category: string | null;
  role: string | null;
  date: string | null;
  location: string | null;
  summary: string | null;
}

export interface ArticleRow {
  id: string;
  title: string;
  publishedAt: string;
  url: string | null;
  publisher: string | null;
  language: string | null;
}

/** One claim: one vocabulary relationship of one article. */
export interface EvidenceRow {
  articleId: string;
  ordinal: number | null;
  quote: string | null;
  modality: Modality;
  confidence: number;
  attributedTo: string | null;
  date: string | null;
  /** `date`, else the article's `publishedAt`. */
  effectiveDate: string | null;
  /** `YYYY-MM-DD` bounds of `effectiveDate`. */
  dateStart: string | null;
  dateEnd: string | null;
  demand: string | null;
  note: string | null;
  /** The article, when the query that read the evidence projected it (saves the resolver a load). */
  article?: ArticleRow;
}

/**
 * Identifies an aggregated relation. `viaId` is the Statement through which the claims are
 * attributed to `sourceId` (an actor that issued it), or null for the claims of `sourceId` itself.
 */
export interface RelationKey {
  type: RelationType;
  sourceId: string;
  targetId: string;
  viaId: string | null;
}

/** Which claims count; a relation whose claims are all filtered out does not exist. */
export interface EvidenceFilter {
  minConfidence?: number | null;
  modalities?: readonly Modality[] | null;
  /** `YYYY-MM-DD`: keep claims whose date can fall on or after this day. */
  from?: string | null;
  /** `YYYY-MM-DD`: keep claims whose date can fall on or before this day. */
  to?: string | null;
}

/** Every claim of one type between the same two entities (through the same statement, if any). */
export interface RelationRow extends RelationKey {
  /**
   * Oldest first. Present when the query that found the relation read it (an article's own
   * claims, a dyad); otherwise loaded when a response asks for it, under `evidenceFilter`.
   */
  evidence?: EvidenceRow[];
  /** The claims this relation stands for: what its aggregates counted. */
  evidenceFilter: EvidenceFilter;
  /** The endpoints, when the query that found the relation projected them (saves the resolvers a load). */
  sourceEntity?: EntityRow;
  targetEntity?: EntityRow;
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}
