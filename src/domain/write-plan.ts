/**
 * What loading one article writes, as plain JSON rows: planned by src/ingest, written by
 * src/db. Both depend on these types, neither on the other's modules (docs/graph-model.md).
 */
import type { ArticleProperty, ClaimProps, EntityProperty, EntityPropertyValue } from './graph-properties.ts';
import type { Stance } from './evidence-vocabulary.ts';
import type { EntityType, RelationType } from './vocabulary.ts';

export type PlannedArticle = Record<Exclude<ArticleProperty, 'id' | 'title' | 'publishedAt'>, string | null> & {
  id: string;
  title: string;
  publishedAt: string;
  contentHash: string;
  /** sha256 of the file's bytes, when the article came from a file: an unchanged file is then skipped unread. */
  fileHash: string | null;
  /** The article text, when the file gives it (the quotes' offsets point into it). */
  text: string | null;
  /** Canonical id of the publisher entity (PUBLISHED_BY), when the file names one. */
  publisherId: string | null;
  entityCount: number;
  relationCount: number;
};

export interface PlannedEntity {
  /** Canonical id: differs from `localId` when the entity was resolved into a known one. */
  id: string;
  type: EntityType;
  /** The id the article used (MENTIONS.localId). */
  localId: string;
  name: string;
  aliases: string[];
  normalizedNames: string[];
  /** `description`, `wikidata` and the type's own fields; null when absent. */
  props: Partial<Record<EntityProperty, EntityPropertyValue>>;
}

/** One claim of the article: one element of its `relations`. */
export interface PlannedClaim {
  sourceId: string;
  targetId: string;
  /** Index in the article's `relations` array. */
  ordinal: number;
  props: ClaimProps;
  /** Its voices, in the file's order: one HELD_BY relationship each. */
  attributions: PlannedAttribution[];
}

/** One voice of a claim (src/domain/evidence-vocabulary.ts), with the holder's canonical id. */
export interface PlannedAttribution {
  /** Index in the claim's attributions. */
  order: number;
  /** Canonical entity id; null: the article's own voice (HELD_BY points at the :Article). */
  holderId: string | null;
  stance: Stance;
  /** `order` of the attribution that reports this one. */
  reportedBy: number | null;
}

/** An id of the article that entity resolution folded into a known entity. */
export interface Merge {
  /** The id the article used. */
  fromId: string;
  /** The known entity it was resolved into. */
  intoId: string;
  reason: 'wikidata' | 'name';
  /** The wikidata id or the normalized name that matched. */
  matched: string;
  file: string;
  articleId: string;
  fromName: string;
  fromType: EntityType;
}

/** An entity only a later file of the run defines: written bare (type and name) for the claims to point at. */
export interface ForwardReference {
  id: string;
  type: EntityType;
  name: string;
}

export interface ArticleWritePlan {
  article: PlannedArticle;
  entities: PlannedEntity[];
  /** Grouped because a relationship type cannot be a Cypher parameter: one UNWIND per type. */
  relationsByType: Partial<Record<RelationType, PlannedClaim[]>>;
  /** Canonical ids, without duplicates. */
  authorIds: string[];
  merges: Merge[];
  /** Entities only a later file of the run defines, created by this write for its claims. */
  forwardReferences: ForwardReference[];
}

/** An entity of the graph as entity resolution sees it. */
export interface KnownEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  wikidata?: string | null;
  /** Articles (at most two) whose mention of the entity gives its `wikidata`. */
  wikidataArticles?: string[];
  /** Set by `byIds` when the asked id was merged into this entity before. */
  matchedId?: string;
  /**
   * The normalized names `byNormalizedNames` matches on, as the graph stores them; when
   * absent, those of `name` and `aliases`.
   */
  normalizedNames?: string[];
}

/**
 * Looks entities up in the graph; implemented in src/db, used by src/ingest. Batched: one call
 * per method (and type) per chunk of files, or per file when `addFile` is used without `prefetch`.
 */
export interface KnownEntityLookup {
  /** Also resolves ids that were merged before: the canonical entity, with `matchedId` = the asked id. */
  byIds(ids: string[]): Promise<KnownEntity[]>;
  byWikidata(qids: string[]): Promise<KnownEntity[]>;
  /** Entities of that type whose normalized name or alias is in `names`. */
  byNormalizedNames(type: EntityType, names: string[]): Promise<KnownEntity[]>;
}
