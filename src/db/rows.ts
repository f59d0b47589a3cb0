/**
 * What the repositories return: plain JS objects (no Neo4j types), one shape per kind of
 * row, shared by the repositories and the GraphQL resolvers that read them. Rows that come
 * from Neo4j are parsed with these schemas (built once, at load), never cast: a query that
 * returns another shape fails with the field named (src/db/parse-rows.ts).
 */
import { z } from 'zod';
import {
  ARTICLE_PROPERTY_KEYS,
  ClaimPropsSchema,
  ENTITY_PROPERTY_SCHEMAS,
  type ArticleProperty,
} from '../domain/graph-properties.ts';
import {
  STANCES,
  type Polarity,
  type Section,
  type SourceReliability,
  type Stance,
} from '../domain/evidence-vocabulary.ts';
import { ENTITY_TYPES, RELATION_TYPES, type Modality, type RelationType } from '../domain/vocabulary.ts';

const text = z.string();
const nullableText = z.string().nullable();

/** Ids (or names) a query collected. */
export const TextListSchema = z.array(text);

/** `{key: string | null}` for each key: properties a node may lack (a projection gives null then). */
function nullableTexts<K extends string>(keys: readonly K[]): Record<K, typeof nullableText> {
  return Object.fromEntries(keys.map((key) => [key, nullableText])) as Record<K, typeof nullableText>;
}

export const EntityRowSchema = z.object({
  id: text,
  type: z.enum(ENTITY_TYPES),
  name: text,
  aliases: z.array(text),
  ...ENTITY_PROPERTY_SCHEMAS,
});
export type EntityRow = z.infer<typeof EntityRowSchema>;

const REQUIRED_ARTICLE_PROPERTIES = ['id', 'title', 'publishedAt'] as const satisfies readonly ArticleProperty[];
type OptionalArticleProperty = Exclude<ArticleProperty, (typeof REQUIRED_ARTICLE_PROPERTIES)[number]>;

const isOptionalArticleProperty = (key: ArticleProperty): key is OptionalArticleProperty =>
  !REQUIRED_ARTICLE_PROPERTIES.some((required) => required === key);

export const ArticleRowSchema = z.object({
  ...nullableTexts(ARTICLE_PROPERTY_KEYS.filter(isOptionalArticleProperty)),
  id: text,
  title: text,
  publishedAt: text,
});
export type ArticleRow = z.infer<typeof ArticleRowSchema>;

/** One voice of a claim, from its HELD_BY relationship (or, for a claim written before them, its modality). */
export const AttributionRowSchema = z.object({
  order: z.number(),
  stance: z.enum(STANCES),
  reportedBy: z.number().nullable(),
  /** The holder entity; null: the article's own voice. */
  holder: EntityRowSchema.nullable(),
});
export type AttributionRow = z.infer<typeof AttributionRowSchema>;

/** One claim: one vocabulary relationship of one article. */
export const EvidenceRowSchema = ClaimPropsSchema.extend({
  /** The claim's id, `<articleId>#<ordinal>`. */
  id: text,
  articleId: text,
  ordinal: z.number().nullable(),
  // Claims written before the date bounds existed lack them.
  effectiveDate: nullableText,
  dateStart: nullableText,
  dateEnd: nullableText,
  validStart: nullableText,
  /** In order. */
  attributions: z.array(AttributionRowSchema),
  /** The article, when the query that read the evidence projected it (saves the resolver a load). */
  article: ArticleRowSchema.nullish(),
});
export type EvidenceRow = z.infer<typeof EvidenceRowSchema>;

/** A claim with what it links: its type and its two entities (projected, so the resolvers need no load). */
export const ClaimRowSchema = z.object({
  type: z.enum(RELATION_TYPES),
  sourceId: text,
  targetId: text,
  sourceEntity: EntityRowSchema.nullish(),
  targetEntity: EntityRowSchema.nullish(),
  evidence: EvidenceRowSchema,
});
export type ClaimRow = z.infer<typeof ClaimRowSchema>;

/** The article text (served only when asked: it can be 200,000 characters). */
export const ArticleTextRowSchema = z.object({ id: text, text: nullableText });

/** A relation as Cypher names it: `viaId` is '' there (part of a sort key, where a null would not compare). */
export const RawRelationSchema = z.object({
  type: z.enum(RELATION_TYPES),
  sourceId: text,
  targetId: text,
  viaId: text,
});
export type RawRelation = z.infer<typeof RawRelationSchema>;

/** A relation whose aggregates Cypher computed (`relationRow` in claims.cypher.ts); evidence loads on demand. */
export const RawAggregatedRelationSchema = RawRelationSchema.extend({
  // Null when an evidence filter left the relation no claim.
  articleCount: z.number().nullable(),
  firstSeen: nullableText,
  lastSeen: nullableText,
  sourceEntity: EntityRowSchema.nullish(),
  targetEntity: EntityRowSchema.nullish(),
  evidence: z.array(EvidenceRowSchema).optional(),
});
export type RawAggregatedRelation = z.infer<typeof RawAggregatedRelationSchema>;

/** A relation read with its (already filtered, oldest-first) evidence. */
export const RawRelationWithEvidenceSchema = RawRelationSchema.extend({ evidence: z.array(EvidenceRowSchema) });

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
  /** `YYYY-MM-DD` bounds of an as-of date: keep claims whose validity span meets them. */
  asOf?: { start: string; end: string } | null;
}

/** What `Query.claims` filters on, besides the evidence filter; ids are canonical or merged (followed). */
export interface ClaimSelection {
  types: readonly RelationType[] | null;
  subject: string | null;
  object: string | null;
  holder: string | null;
  stances: readonly Stance[] | null;
  polarity: Polarity | null;
  affirmative: boolean | null;
  place: string | null;
  event: string | null;
  section: Section | null;
  article: string | null;
  /** Grades at least this good (A..grade). */
  reliabilities: readonly SourceReliability[] | null;
  maxCredibility: number | null;
  expandCollectives: boolean;
  filter: EvidenceFilter;
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
