/**
 * The domain vocabulary, defined once. zod schemas, GraphQL enums, Cypher label and
 * relationship-type whitelists, the Neo4j schema and the docs all derive from (or are
 * tested against) these constants. Nothing else in the code base may spell a label or a
 * relationship type that is not listed here.
 */

export const ENTITY_TYPES = [
  'State',
  'Group',
  'Person',
  'Meeting',
  'Statement',
  'Place',
  'Event',
  'Project',
  'Collective',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The entity types format version 1 knows; version 2 adds the others. */
export const V1_ENTITY_TYPES = [
  'State',
  'Group',
  'Person',
  'Meeting',
  'Statement',
] as const satisfies readonly EntityType[];

/** The label every entity node carries besides its type label. */
export const ENTITY_LABEL = 'Entity';
export const ARTICLE_LABEL = 'Article';
/** Records of entity resolution: which id was resolved into which entity, and why. */
export const MERGE_LABEL = 'Merge';
/** The single node whose lease makes writers (seed runs, ingests, removals) take turns. */
export const INGEST_LOCK_LABEL = 'IngestLock';
/**
 * One node per claim (one element of an article's `relations`): the evidence. The vocabulary
 * relationship between two entities is the aggregate of the claims of its type between them.
 */
export const CLAIM_LABEL = 'Claim';

/** Relationships the seeder derives by itself; never part of the analyst's vocabulary. */
export const DERIVED_RELATIONSHIP_TYPES = {
  authored: 'AUTHORED',
  mentions: 'MENTIONS',
  mergedInto: 'MERGED_INTO',
  /** (:Article)-[:CLAIMS]->(:Claim) */
  claims: 'CLAIMS',
  /** (:Claim)-[:SUBJECT]->(source entity) */
  subject: 'SUBJECT',
  /** (:Claim)-[:OBJECT]->(target entity) */
  object: 'OBJECT',
  /** (:Claim)-[:ATTRIBUTED_TO]->(the holder of the claim's first attribution, when an entity) */
  attributedTo: 'ATTRIBUTED_TO',
  /**
   * (:Claim)-[:HELD_BY {order, stance, reportedBy}]->(holder :Entity, or the :Article for
   * the article's own voice): one per attribution (src/domain/evidence-vocabulary.ts).
   */
  heldBy: 'HELD_BY',
  /** (:Article)-[:PUBLISHED_BY]->(the publisher, an entity) */
  publishedBy: 'PUBLISHED_BY',
} as const;

/** "Actor" in the format means a State, a Group or a Person. */
export const ACTOR_TYPES = ['State', 'Group', 'Person'] as const satisfies readonly EntityType[];

/** Kinds of Place (ACLED-like geographic precision: a country is coarser than a site). */
export const PLACE_TYPES = ['country', 'region', 'province', 'district', 'city', 'site', 'border', 'other'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/** Kinds of Event (CAMEO's split: the event is what happens, the actors are apart). */
export const EVENT_KINDS = [
  'military-action',
  'attack',
  'strike',
  'protest',
  'election',
  'agreement',
  'negotiation',
  'policy',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const PROJECT_KINDS = ['infrastructure', 'investment', 'programme', 'other'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const MODALITIES = ['asserted', 'alleged', 'implied', 'denied', 'speculated'] as const;
export type Modality = (typeof MODALITIES)[number];
export const DEFAULT_MODALITY: Modality = 'asserted';
export const DEFAULT_CONFIDENCE = 1;

export const GROUP_CATEGORIES = [
  'government',
  'militant',
  'alliance',
  'intergovernmental',
  'political',
  'media',
  'other',
] as const;
export type GroupCategory = (typeof GROUP_CATEGORIES)[number];

/** A claim needs a quote as evidence; a structural relation describes the world's wiring. */
export type RelationKind = 'claim' | 'structural';

export interface RelationRule {
  readonly kind: RelationKind;
  readonly sources: readonly EntityType[];
  readonly targets: readonly EntityType[];
  readonly description: string;
}

const ACTOR = ACTOR_TYPES;
/** Actors, or a collective of actors ("the four"), which a claim names once. */
const PARTY = [...ACTOR_TYPES, 'Collective'] as const;

export const RELATION_RULES = {
  CRITICIZES: {
    kind: 'claim',
    sources: [...PARTY, 'Statement'],
    targets: [...PARTY, 'Meeting', 'Statement', 'Event', 'Project'],
    description: 'speaks or writes against the target',
  },
  SHELTERS: {
    kind: 'claim',
    sources: ['State', 'Group'],
    targets: ['Group', 'Person'],
    description: 'gives the target safe haven on its territory or under its protection',
  },
  THREATENS: {
    kind: 'claim',
    sources: [...PARTY, 'Event'],
    targets: [...PARTY, 'Project', 'Place'],
    description: 'endangers the target, by words or by force',
  },
  SUPPORTS: {
    kind: 'claim',
    sources: [...PARTY, 'Statement'],
    targets: [...PARTY, 'Statement', 'Event', 'Project'],
    description: 'backs the target politically, materially or militarily',
  },
  OPPOSES: {
    kind: 'claim',
    sources: [...PARTY, 'Statement'],
    targets: [...PARTY, 'Statement', 'Event', 'Project'],
    description: 'stands against the target or its course of action',
  },
  CALLS_ON: {
    kind: 'claim',
    sources: [...PARTY, 'Statement'],
    targets: PARTY,
    description: 'demands something of the target (the demand says what)',
  },
  SEEKS: {
    kind: 'claim',
    sources: PARTY,
    targets: [...PARTY, 'Event', 'Project', 'Place'],
    description: 'has an interest in an outcome concerning the target (the demand says which), without demanding it',
  },
  BLAMES: {
    kind: 'claim',
    sources: [...PARTY, 'Statement'],
    targets: PARTY,
    description: 'holds the target responsible for a harm',
  },
  FIGHTS: {
    kind: 'claim',
    sources: ['State', 'Group', 'Collective'],
    targets: ['State', 'Group', 'Collective'],
    description: 'is in armed conflict with the target',
  },
  COOPERATES_WITH: {
    kind: 'claim',
    sources: PARTY,
    targets: [...PARTY, 'Project'],
    description: 'works together with the target',
  },
  ATTENDED: {
    kind: 'structural',
    sources: PARTY,
    targets: ['Meeting'],
    description: 'took part in the meeting',
  },
  PARTICIPATED_IN: {
    kind: 'structural',
    sources: PARTY,
    targets: ['Event', 'Project'],
    description: 'took part in the event, or takes part in the project',
  },
  ISSUED: {
    kind: 'structural',
    sources: [...PARTY, 'Meeting'],
    targets: ['Statement'],
    description: 'produced or signed the statement',
  },
  MEMBER_OF: {
    kind: 'structural',
    sources: ACTOR,
    targets: ['Group', 'Collective'],
    description: 'belongs to the group, or is one of the collective',
  },
  REPRESENTS: {
    kind: 'structural',
    sources: ['Person'],
    targets: ['State', 'Group'],
    description: 'acts on behalf of the target (minister, spokesperson, envoy)',
  },
  OPERATES_IN: {
    kind: 'structural',
    sources: ['Group', 'Person'],
    targets: ['State', 'Place'],
    description: 'is active on the territory of the target',
  },
  LOCATED_IN: {
    kind: 'structural',
    sources: ['Meeting', 'Event', 'Project', 'Place'],
    targets: ['Place', 'State'],
    description: 'took place, or lies, in the target',
  },
} as const satisfies Record<string, RelationRule>;

export type RelationType = keyof typeof RELATION_RULES;
export const RELATION_TYPES = Object.keys(RELATION_RULES) as [RelationType, ...RelationType[]];

/** The relation types format version 1 knows; version 2 adds the others. */
export const V1_RELATION_TYPES = [
  'CRITICIZES',
  'SHELTERS',
  'THREATENS',
  'SUPPORTS',
  'OPPOSES',
  'CALLS_ON',
  'BLAMES',
  'FIGHTS',
  'COOPERATES_WITH',
  'ATTENDED',
  'ISSUED',
  'MEMBER_OF',
  'REPRESENTS',
  'OPERATES_IN',
] as const satisfies readonly RelationType[];

/** Relation types that require a `demand` (for SEEKS: the outcome sought). */
export const DEMAND_RELATION_TYPES: readonly RelationType[] = ['CALLS_ON', 'SEEKS'];

export function relationRule(type: RelationType): RelationRule {
  return RELATION_RULES[type];
}

export function isClaimType(type: RelationType): boolean {
  return RELATION_RULES[type].kind === 'claim';
}

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isRelationType(value: string): value is RelationType {
  return Object.prototype.hasOwnProperty.call(RELATION_RULES, value);
}

/** Relation types that can be attributed to the issuers of a Statement (its claims). */
export const STATEMENT_SOURCE_TYPES: readonly RelationType[] = RELATION_TYPES.filter((type) =>
  (RELATION_RULES[type].sources as readonly EntityType[]).includes('Statement'),
);

/** Relation types a Collective can be the source of: credited to each member when collectives are expanded. */
export const COLLECTIVE_SOURCE_TYPES: readonly RelationType[] = RELATION_TYPES.filter((type) =>
  (RELATION_RULES[type].sources as readonly EntityType[]).includes('Collective'),
);

/**
 * GraphQL spells enum values in upper case (`STATE`, `CALLS_ON`, `ALLEGED`); the graph
 * stores the format's spelling (`State`, `CALLS_ON`, `alleged`). These are the only
 * conversions between the two.
 */
export const toGraphQLEnum = (value: string): string => value.toUpperCase();

export function entityTypeFromGraphQL(value: string): EntityType {
  const found = ENTITY_TYPES.find((type) => type.toUpperCase() === value);
  if (!found) throw new Error(`Unknown entity type ${value}`);
  return found;
}

export function modalityFromGraphQL(value: string): Modality {
  const found = MODALITIES.find((modality) => modality.toUpperCase() === value);
  if (!found) throw new Error(`Unknown modality ${value}`);
  return found;
}

/**
 * Whitelist guards for the places where Cypher cannot take a parameter (labels and
 * relationship types). They throw on anything outside the vocabulary, so a value from a
 * request can never become Cypher text.
 */
export function cypherLabel(type: string): string {
  const ownLabels: readonly string[] = [ENTITY_LABEL, ARTICLE_LABEL, MERGE_LABEL, INGEST_LOCK_LABEL, CLAIM_LABEL];
  if (!isEntityType(type) && !ownLabels.includes(type)) {
    throw new Error(`Refusing label outside the vocabulary: ${JSON.stringify(type)}`);
  }
  return type;
}

export function cypherRelationshipType(type: string): string {
  if (!isRelationType(type)) {
    throw new Error(`Refusing relationship type outside the vocabulary: ${JSON.stringify(type)}`);
  }
  return type;
}

/** `CRITICIZES|SHELTERS|...` for variable-length patterns, from the whitelist only. */
export function cypherRelationshipAlternation(types: readonly string[] = RELATION_TYPES): string {
  if (types.length === 0) throw new Error('At least one relationship type is needed');
  return types.map(cypherRelationshipType).join('|');
}
