import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { EntityRow, ArticleRow, RelationRow, EvidenceRow, AttributionRow, ClaimRow } from '../../db/rows.ts';
import type {
  ClaimConnectionParent,
  RelationConnectionParent,
  DyadParent,
  IngestReportParent,
  MergeRecordParent,
} from '../resolvers/parents.ts';
import type { GraphQLContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** Any JSON value (the extracted-article document). */
  JSON: { input: unknown; output: unknown };
};

export type Article = {
  __typename?: 'Article';
  authors: Array<Person>;
  /** Every claim of the article, affirmative or not, in the article's order. */
  claims: Array<Claim>;
  copyright?: Maybe<Scalars['String']['output']>;
  /** Entities the article mentions, by name. */
  entities: Array<Entity>;
  id: Scalars['ID']['output'];
  language?: Maybe<Scalars['String']['output']>;
  /** As written: YYYY, YYYY-MM, YYYY-MM-DD or a date-time. */
  publishedAt: Scalars['String']['output'];
  /** The publisher entity (PUBLISHED_BY), when the file names one. */
  publishedBy?: Maybe<Entity>;
  publisher?: Maybe<Scalars['String']['output']>;
  /** Relations the article supports, in the article's order, with this article's evidence only. */
  relations: Array<Relation>;
  /** Admiralty reliability of the article as a source (else its publisher's, on each claim). */
  sourceReliability?: Maybe<SourceReliability>;
  /** The article text, when the file gave it (the quotes' offsets point into it). */
  text?: Maybe<Scalars['String']['output']>;
  /** sha256 of the text the quotes' offsets point into: the file's text, or the one it was grounded in (npm run ground) when the text was not copied. */
  textSha256?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  url?: Maybe<Scalars['String']['output']>;
};

/** One voice of a claim: who holds it, and how. */
export type Attribution = {
  __typename?: 'Attribution';
  /** The holder; null means the article's own voice. */
  holder?: Maybe<Entity>;
  /** Position in the claim's attributions, from 0. */
  order: Scalars['Int']['output'];
  /** order of the attribution that reports this one ("as Pakistan suspects, according to the author"); null when none does. */
  reportedBy?: Maybe<Scalars['Int']['output']>;
  stance: Stance;
};

/**
 * One claim of one article, affirmative or not: a negated, conditional, hypothetical or denied
 * claim is a Claim (with its evidence) but never a Relation.
 */
export type Claim = {
  __typename?: 'Claim';
  /** The claim's attribution chain (Evidence.attributions, one level up: within the depth limit under claims.edges.node). */
  attributions: Array<Attribution>;
  evidence: Evidence;
  /** <articleId>#<position in the article's relations> */
  id: Scalars['ID']['output'];
  object: Entity;
  subject: Entity;
  type: RelationType;
};

export type ClaimConnection = {
  __typename?: 'ClaimConnection';
  edges: Array<ClaimEdge>;
  pageInfo: PageInfo;
  /** All claims that match the filter, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type ClaimEdge = {
  __typename?: 'ClaimEdge';
  cursor: Scalars['String']['output'];
  node: Claim;
};

/** Which claims: every given condition must hold. Entity ids follow merges. */
export type ClaimFilter = {
  /** true: only claims that make relations; false: only those that do not. */
  affirmative?: InputMaybe<Scalars['Boolean']['input']>;
  /** The article's claims only. */
  article?: InputMaybe<Scalars['ID']['input']>;
  /**
   * A date (YYYY, YYYY-MM, YYYY-MM-DD): claims whose span [validFrom, validTo] meets it. A claim
   * without validFrom holds from its date; without validTo, until it ended, else still.
   */
  asOf?: InputMaybe<Scalars['String']['input']>;
  /** An Event: the subject or object is that event. */
  event?: InputMaybe<Scalars['ID']['input']>;
  /** subject, object and holder also match a Collective the entity is MEMBER_OF. */
  expandCollectives?: InputMaybe<Scalars['Boolean']['input']>;
  /** An entity holding the claim (in any attribution). */
  holder?: InputMaybe<Scalars['ID']['input']>;
  /** Keep claims whose credibility is this number or better (1 best); claims without one are left out. */
  maxCredibility?: InputMaybe<Scalars['Int']['input']>;
  /** Keep claims whose source reliability is this grade or better (A best); claims without a grade are left out. */
  minReliability?: InputMaybe<SourceReliability>;
  /** The claim's object (target). */
  object?: InputMaybe<Scalars['ID']['input']>;
  /** A Place: the subject or object is that place or LOCATED_IN / OPERATES_IN it. */
  place?: InputMaybe<Scalars['ID']['input']>;
  polarity?: InputMaybe<Polarity>;
  section?: InputMaybe<Section>;
  /** With holder: that holder's stance is one of these; without: any attribution's is. */
  stances?: InputMaybe<Array<Stance>>;
  /** The claim's subject (source). */
  subject?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

/**
 * Several actors a claim names once ("the four"): its members are MEMBER_OF it. Queries credit
 * a collective's claims to its members only when asked (expandCollectives).
 */
export type Collective = Entity & {
  __typename?: 'Collective';
  aliases: Array<Scalars['String']['output']>;
  articles: Array<Article>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Actors that are MEMBER_OF the collective. */
  members: Array<Entity>;
  name: Scalars['String']['output'];
  relations: Array<Relation>;
  type: EntityType;
  unnamed: Scalars['Boolean']['output'];
  wikidata?: Maybe<Scalars['String']['output']>;
};

/**
 * Several actors a claim names once ("the four"): its members are MEMBER_OF it. Queries credit
 * a collective's claims to its members only when asked (expandCollectives).
 */
export type CollectiveArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * Several actors a claim names once ("the four"): its members are MEMBER_OF it. Queries credit
 * a collective's claims to its members only when asked (expandCollectives).
 */
export type CollectiveRelationsArgs = {
  direction?: InputMaybe<Direction>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

export type Direction = 'BOTH' | 'IN' | 'OUT';

/** Everything between two entities. */
export type Dyad = {
  __typename?: 'Dyad';
  a: Entity;
  /** Distinct articles with a claim between them. */
  articleCount: Scalars['Int']['output'];
  b: Entity;
  firstSeen?: Maybe<Scalars['String']['output']>;
  lastSeen?: Maybe<Scalars['String']['output']>;
  /** Relations in both directions, best-supported first. */
  relations: Array<Relation>;
  /** Every claim between them, oldest first. */
  timeline: Array<TimelineEvent>;
};

export type Entity = {
  /** Every other name articles used for it, sorted. */
  aliases: Array<Scalars['String']['output']>;
  /** Articles that mention this entity, newest first. first: at most 100. */
  articles: Array<Article>;
  description?: Maybe<Scalars['String']['output']>;
  /** Canonical id (slug). Looking an entity up by an id that was merged into it returns it. */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /**
   * Relations touching this entity, aggregated per (source, type, target), best-supported
   * (most distinct articles) first. includeStatements also attributes the claims of statements
   * this entity issued to it (Relation.via is the statement). first: at most 200.
   */
  relations: Array<Relation>;
  type: EntityType;
  /** True for an actor the article does not name: its name is a description, never resolved by name. */
  unnamed: Scalars['Boolean']['output'];
  /** Wikidata item id, e.g. Q843. */
  wikidata?: Maybe<Scalars['String']['output']>;
};

export type EntityArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type EntityRelationsArgs = {
  direction?: InputMaybe<Direction>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

export type EntityType =
  'Collective' | 'Event' | 'Group' | 'Meeting' | 'Person' | 'Place' | 'Project' | 'State' | 'Statement';

/** Something that happens (or may): a military action, an attack, an election, an agreement... */
export type Event = Entity & {
  __typename?: 'Event';
  aliases: Array<Scalars['String']['output']>;
  articles: Array<Article>;
  description?: Maybe<Scalars['String']['output']>;
  /** When it ended, as precise as the source. */
  end?: Maybe<Scalars['String']['output']>;
  /** True for an event that may happen but has not. */
  hypothetical: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** military-action, attack, strike, protest, election, agreement, negotiation, policy or other. */
  kind?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** Actors that PARTICIPATED_IN it. */
  participants: Array<Entity>;
  /** Where it happens (LOCATED_IN a Place). */
  place?: Maybe<Place>;
  relations: Array<Relation>;
  /** When it began (or will), as precise as the source. */
  start?: Maybe<Scalars['String']['output']>;
  type: EntityType;
  unnamed: Scalars['Boolean']['output'];
  wikidata?: Maybe<Scalars['String']['output']>;
};

/** Something that happens (or may): a military action, an attack, an election, an agreement... */
export type EventArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Something that happens (or may): a military action, an attack, an election, an agreement... */
export type EventRelationsArgs = {
  direction?: InputMaybe<Direction>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

/** One claim of one article. */
export type Evidence = {
  __typename?: 'Evidence';
  /**
   * True when the claim is evidence of its relation: positive, unconditional, not hypothetical and
   * held by at least one holder whose stance affirms it. Only such claims make relations.
   */
  affirmative: Scalars['Boolean']['output'];
  article: Article;
  /** The holder of the first attribution; null means the article itself. */
  attributedTo?: Maybe<Entity>;
  /** Every voice of the claim, in order: the attribution chain. */
  attributions: Array<Attribution>;
  /** The condition the claim holds under ("if Pakistan resorts to military means"), when it is conditional. */
  condition?: Maybe<Scalars['String']['output']>;
  confidence: Scalars['Float']['output'];
  /** Admiralty information credibility: 1 confirmed by other sources ... 5 improbable, 6 cannot be judged. */
  credibility?: Maybe<Scalars['Int']['output']>;
  /** The claim's own date, as written. */
  date?: Maybe<Scalars['String']['output']>;
  /** CALLS_ON: what is demanded; SEEKS: the outcome sought. */
  demand?: Maybe<Scalars['String']['output']>;
  /** The claim's date, else the article's publication date: what date filters compare. */
  effectiveDate?: Maybe<Scalars['String']['output']>;
  /** True when the article says the relation ended. */
  ended: Scalars['Boolean']['output'];
  /** True for a claim about what might happen. */
  hypothetical: Scalars['Boolean']['output'];
  /** The claim's id (<articleId>#<position in the article's relations>). */
  id: Scalars['ID']['output'];
  /** The modalities every holder's stance reads as: what the modalities filters match. */
  modalities: Array<Modality>;
  /** How the claim's first holder holds it, in version 1's terms (attributions has every holder). */
  modality: Modality;
  note?: Maybe<Scalars['String']['output']>;
  /** NEGATIVE: the claim says the relation is not so. */
  polarity: Polarity;
  quote?: Maybe<Scalars['String']['output']>;
  quoteEnd?: Maybe<Scalars['Int']['output']>;
  /** UTF-16 offsets of the quote in Article.text (end exclusive); null when the article has no text. */
  quoteStart?: Maybe<Scalars['Int']['output']>;
  section: Section;
  /** The article's source reliability, else its publisher's. */
  sourceReliability?: Maybe<SourceReliability>;
  /** Since when the claim holds, as written. */
  validFrom?: Maybe<Scalars['String']['output']>;
  /** Until when the claim holds, as written. */
  validTo?: Maybe<Scalars['String']['output']>;
};

export type Group = Entity & {
  __typename?: 'Group';
  aliases: Array<Scalars['String']['output']>;
  articles: Array<Article>;
  /** government, militant, alliance, intergovernmental, political, media or other. */
  category?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  relations: Array<Relation>;
  /** Admiralty reliability of this group as a source (a publisher's applies to its articles that give none). */
  sourceReliability?: Maybe<SourceReliability>;
  type: EntityType;
  unnamed: Scalars['Boolean']['output'];
  wikidata?: Maybe<Scalars['String']['output']>;
};

export type GroupArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type GroupRelationsArgs = {
  direction?: InputMaybe<Direction>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

export type IngestReport = {
  __typename?: 'IngestReport';
  article: Article;
  durationMs: Scalars['Int']['output'];
  entitiesCreated: Scalars['Int']['output'];
  entitiesMerged: Scalars['Int']['output'];
  /** Ids of the document that entity resolution folded into known entities. */
  merges: Array<MergeRecord>;
  /** created, replaced (the article changed: its claims were replaced) or unchanged (same content hash). */
  outcome: Scalars['String']['output'];
  relationsWritten: Scalars['Int']['output'];
  /** Problems that did not stop the load. */
  warnings: Array<IngestWarning>;
};

export type IngestWarning = {
  __typename?: 'IngestWarning';
  /** Path in the document, e.g. document.relations[3].quote. */
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type Meeting = Entity & {
  __typename?: 'Meeting';
  aliases: Array<Scalars['String']['output']>;
  articles: Array<Article>;
  /** Actors that ATTENDED the meeting. */
  attendees: Array<Entity>;
  date?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  location?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** Where the meeting took place (LOCATED_IN a Place). */
  place?: Maybe<Place>;
  relations: Array<Relation>;
  /** Statements the meeting ISSUED. */
  statements: Array<Statement>;
  type: EntityType;
  unnamed: Scalars['Boolean']['output'];
  wikidata?: Maybe<Scalars['String']['output']>;
};

export type MeetingArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type MeetingRelationsArgs = {
  direction?: InputMaybe<Direction>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

export type MergeRecord = {
  __typename?: 'MergeRecord';
  /** The id the article used. */
  fromId: Scalars['ID']['output'];
  /** The entity it was resolved into. */
  into: Entity;
  /** wikidata or name. */
  reason: Scalars['String']['output'];
};

/** How the article presents a claim: the stance of its first attribution, as format version 1 said it. */
export type Modality = 'alleged' | 'asserted' | 'denied' | 'implied' | 'speculated';

export type Mutation = {
  __typename?: 'Mutation';
  /** Validates and loads one extracted article (the seed file format) as JSON; needs the API token. */
  ingestArticle: IngestReport;
  /** Deletes an article and its claims (entities only it mentioned too); needs the API token. */
  removeArticle: RemoveReport;
};

export type MutationIngestArticleArgs = {
  document: Scalars['JSON']['input'];
};

export type MutationRemoveArticleArgs = {
  id: Scalars['ID']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Path = {
  __typename?: 'Path';
  /** Number of relations. */
  length: Scalars['Int']['output'];
  nodes: Array<Entity>;
  /** relations[i] joins nodes[i] and nodes[i + 1] (in either direction). */
  relations: Array<Relation>;
};

export type Person = Entity & {
  __typename?: 'Person';
  aliases: Array<Scalars['String']['output']>;
  articles: Array<Article>;
  /** Articles this person wrote, newest first. first: at most 100. */
  authored: Array<Article>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  relations: Array<Relation>;
  /** Role or office, e.g. Foreign Minister. */
  role?: Maybe<Scalars['String']['output']>;
  /** Admiralty reliability of this person as a source. */
  sourceReliability?: Maybe<SourceReliability>;
  type: EntityType;
  unnamed: Scalars['Boolean']['output'];
  wikidata?: Maybe<Scalars['String']['output']>;
};

export type PersonArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PersonAuthoredArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PersonRelationsArgs = {
  direction?: InputMaybe<Direction>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

/** A place: a country, region, city, site or border, with a representative point when known. */
export type Place = Entity & {
  __typename?: 'Place';
  aliases: Array<Scalars['String']['output']>;
  articles: Array<Article>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** WGS 84 latitude of a representative point. */
  latitude?: Maybe<Scalars['Float']['output']>;
  /** WGS 84 longitude of a representative point. */
  longitude?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  /** country, region, province, district, city, site, border or other: its geographic precision. */
  placeType?: Maybe<Scalars['String']['output']>;
  relations: Array<Relation>;
  type: EntityType;
  unnamed: Scalars['Boolean']['output'];
  wikidata?: Maybe<Scalars['String']['output']>;
};

/** A place: a country, region, city, site or border, with a representative point when known. */
export type PlaceArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A place: a country, region, city, site or border, with a representative point when known. */
export type PlaceRelationsArgs = {
  direction?: InputMaybe<Direction>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

/** Whether the claim says the relation is so (POSITIVE) or is not so (NEGATIVE: "X does not oppose Y"). */
export type Polarity = 'negative' | 'positive';

/** A lasting undertaking, e.g. an infrastructure corridor. */
export type Project = Entity & {
  __typename?: 'Project';
  aliases: Array<Scalars['String']['output']>;
  articles: Array<Article>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** infrastructure, investment, programme or other. */
  kind?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  relations: Array<Relation>;
  type: EntityType;
  unnamed: Scalars['Boolean']['output'];
  wikidata?: Maybe<Scalars['String']['output']>;
};

/** A lasting undertaking, e.g. an infrastructure corridor. */
export type ProjectArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A lasting undertaking, e.g. an infrastructure corridor. */
export type ProjectRelationsArgs = {
  direction?: InputMaybe<Direction>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

export type Query = {
  __typename?: 'Query';
  article?: Maybe<Article>;
  /** Articles, newest first. first: at most 100. */
  articles: Array<Article>;
  /**
   * Claims, affirmative or not, by holder and stance, polarity, validity date, place, event...,
   * in evidence order (oldest first), with keyset pagination. first: at most 200.
   */
  claims: ClaimConnection;
  /** Everything between a and b, both directions, over time. Statements they issued count by default. */
  dyad: Dyad;
  /** An entity by id; an id that entity resolution merged returns the canonical entity. */
  entity?: Maybe<Entity>;
  /** Entities within depth (at most 3) relations, at most 200 nodes, and the relations among them. */
  neighborhood: Subgraph;
  /** Shortest path, ignoring direction, at most maxHops (at most 6) relations; null when none. */
  path?: Maybe<Path>;
  /**
   * Entities ranked by the distinct articles with a claim of this type where they are the source
   * (e.g. the most active critics) or the target (the most criticized). first: at most 100.
   */
  ranking: Array<RankingEntry>;
  /** A relation by its id. */
  relation?: Maybe<Relation>;
  /** Aggregated relations in a stable order, with keyset pagination. first: at most 200. */
  relations: RelationConnection;
  /** Full-text search over names and aliases; best match first (exact name or alias first). first: at most 50. */
  search: Array<Entity>;
  /**
   * An entity's claims in date order: those it makes (through statements it issued too, unless
   * includeStatements is false) and those made about it. first: at most 500.
   */
  timeline: Array<TimelineEvent>;
};

export type QueryArticleArgs = {
  id: Scalars['ID']['input'];
};

export type QueryArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClaimFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryDyadArgs = {
  a: Scalars['ID']['input'];
  asOf?: InputMaybe<Scalars['String']['input']>;
  b: Scalars['ID']['input'];
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

export type QueryEntityArgs = {
  id: Scalars['ID']['input'];
};

export type QueryNeighborhoodArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  types?: InputMaybe<Array<RelationType>>;
};

export type QueryPathArgs = {
  from: Scalars['ID']['input'];
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  to: Scalars['ID']['input'];
  types?: InputMaybe<Array<RelationType>>;
};

export type QueryRankingArgs = {
  expandCollectives?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  role?: InputMaybe<RelationRole>;
  since?: InputMaybe<Scalars['String']['input']>;
  type: RelationType;
  until?: InputMaybe<Scalars['String']['input']>;
};

export type QueryRelationArgs = {
  id: Scalars['ID']['input'];
};

export type QueryRelationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RelationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QuerySearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
  types?: InputMaybe<Array<EntityType>>;
};

export type QueryTimelineArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  since?: InputMaybe<Scalars['String']['input']>;
  types?: InputMaybe<Array<RelationType>>;
  until?: InputMaybe<Scalars['String']['input']>;
};

export type RankingEntry = {
  __typename?: 'RankingEntry';
  /** Distinct articles with at least one such claim: the ranking key. */
  articleCount: Scalars['Int']['output'];
  claimCount: Scalars['Int']['output'];
  /** Distinct entities at the other end. */
  counterpartCount: Scalars['Int']['output'];
  entity: Entity;
};

/** One aggregated relation: every claim of the same type between the same two entities. */
export type Relation = {
  __typename?: 'Relation';
  /** Distinct articles among the evidence. */
  articleCount: Scalars['Int']['output'];
  /** Every claim, oldest first (only those that pass the request's filter). */
  evidence: Array<Evidence>;
  /** Date of the earliest evidence, as written. */
  firstSeen?: Maybe<Scalars['String']['output']>;
  /** Opaque and stable: the same relation has the same id in every response. */
  id: Scalars['ID']['output'];
  /** Date of the latest evidence, as written. */
  lastSeen?: Maybe<Scalars['String']['output']>;
  source: Entity;
  target: Entity;
  type: RelationType;
  /** Set when the relation is attributed to an actor through a Statement it issued. */
  via?: Maybe<Entity>;
};

export type RelationConnection = {
  __typename?: 'RelationConnection';
  edges: Array<RelationEdge>;
  pageInfo: PageInfo;
  /** All relations that match the filter, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type RelationEdge = {
  __typename?: 'RelationEdge';
  cursor: Scalars['String']['output'];
  node: Relation;
};

export type RelationFilter = {
  /** A date: keep evidence whose validity span meets it (see ClaimFilter.asOf). */
  asOf?: InputMaybe<Scalars['String']['input']>;
  /** Also credit a Collective's claims to each of its members (Relation.via is the collective). */
  expandCollectives?: InputMaybe<Scalars['Boolean']['input']>;
  /** Also attribute claims made by a Statement to each actor that ISSUED it (Relation.via is the statement). */
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  /** Keep evidence with at least this confidence (0..1). */
  minConfidence?: InputMaybe<Scalars['Float']['input']>;
  modalities?: InputMaybe<Array<Modality>>;
  /**
   * Dates as in the article format; compares by the evidence date, else the article date.
   * A partial date is a range: since "2024" keeps evidence from 2024-01-01 on, until "2024-09"
   * keeps evidence up to 2024-09-30, and evidence dated "2024-09" is inside "2024".
   */
  since?: InputMaybe<Scalars['String']['input']>;
  /** Entity id (merged ids are followed). */
  source?: InputMaybe<Scalars['ID']['input']>;
  target?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<RelationType>>;
  until?: InputMaybe<Scalars['String']['input']>;
};

/** Which end of a relation an entity is ranked by. */
export type RelationRole = 'SOURCE' | 'TARGET';

export type RelationType =
  | 'ATTENDED'
  | 'BLAMES'
  | 'CALLS_ON'
  | 'COOPERATES_WITH'
  | 'CRITICIZES'
  | 'FIGHTS'
  | 'ISSUED'
  | 'LOCATED_IN'
  | 'MEMBER_OF'
  | 'OPERATES_IN'
  | 'OPPOSES'
  | 'PARTICIPATED_IN'
  | 'REPRESENTS'
  | 'SEEKS'
  | 'SHELTERS'
  | 'SUPPORTS'
  | 'THREATENS';

export type RemoveReport = {
  __typename?: 'RemoveReport';
  articleId: Scalars['ID']['output'];
  /** Entities no other article mentions, deleted with it. */
  entitiesDeleted: Scalars['Int']['output'];
  /** Claims of the article that were deleted. */
  relationsDeleted: Scalars['Int']['output'];
};

/** Where in the article the claim is read. */
export type Section = 'body' | 'caption' | 'headline' | 'quoted-speech' | 'standfirst';

/** Admiralty code (NATO STANAG 2511) source reliability: A completely reliable ... E unreliable, F cannot be judged. */
export type SourceReliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** How a holder holds a claim. All but HOPES, FEARS and DENIES affirm it. */
export type Stance =
  | 'alleges'
  | 'asserts'
  | 'believes'
  | 'denies'
  | 'expects'
  | 'fears'
  | 'hopes'
  | 'implies'
  | 'infers'
  | 'reports'
  | 'speculates'
  | 'suspects';

export type State = Entity & {
  __typename?: 'State';
  aliases: Array<Scalars['String']['output']>;
  articles: Array<Article>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** ISO 3166-1 alpha-3 code. */
  iso3?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  relations: Array<Relation>;
  type: EntityType;
  unnamed: Scalars['Boolean']['output'];
  wikidata?: Maybe<Scalars['String']['output']>;
};

export type StateArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type StateRelationsArgs = {
  direction?: InputMaybe<Direction>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

export type Statement = Entity & {
  __typename?: 'Statement';
  aliases: Array<Scalars['String']['output']>;
  articles: Array<Article>;
  /** What the statement claims: its outgoing relations, best-supported first. first: at most 200. */
  claims: Array<Relation>;
  date?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Actors and meetings that ISSUED the statement. */
  issuedBy: Array<Entity>;
  name: Scalars['String']['output'];
  relations: Array<Relation>;
  summary?: Maybe<Scalars['String']['output']>;
  type: EntityType;
  unnamed: Scalars['Boolean']['output'];
  wikidata?: Maybe<Scalars['String']['output']>;
};

export type StatementArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type StatementClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

export type StatementRelationsArgs = {
  direction?: InputMaybe<Direction>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStatements?: InputMaybe<Scalars['Boolean']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

export type Subgraph = {
  __typename?: 'Subgraph';
  /** Nearest first; the centre is the first node. */
  nodes: Array<Entity>;
  relations: Array<Relation>;
  /** True when the node cap (200) or the relation cap (1000) cut the subgraph short. */
  truncated: Scalars['Boolean']['output'];
};

/** One claim, placed in time, with the relation it belongs to. */
export type TimelineEvent = {
  __typename?: 'TimelineEvent';
  /** The claim's date, else the article's publication date. */
  date?: Maybe<Scalars['String']['output']>;
  evidence: Evidence;
  relation: Relation;
};

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Article: ResolverTypeWrapper<ArticleRow>;
  Attribution: ResolverTypeWrapper<AttributionRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Claim: ResolverTypeWrapper<ClaimRow>;
  ClaimConnection: ResolverTypeWrapper<ClaimConnectionParent>;
  ClaimEdge: ResolverTypeWrapper<Omit<ClaimEdge, 'node'> & { node: ResolversTypes['Claim'] }>;
  ClaimFilter: ClaimFilter;
  Collective: ResolverTypeWrapper<EntityRow>;
  Direction: Direction;
  Dyad: ResolverTypeWrapper<DyadParent>;
  Entity: ResolverTypeWrapper<EntityRow>;
  EntityType: null;
  Event: ResolverTypeWrapper<EntityRow>;
  Evidence: ResolverTypeWrapper<EvidenceRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Group: ResolverTypeWrapper<EntityRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IngestReport: ResolverTypeWrapper<IngestReportParent>;
  IngestWarning: ResolverTypeWrapper<IngestWarning>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Meeting: ResolverTypeWrapper<EntityRow>;
  MergeRecord: ResolverTypeWrapper<MergeRecordParent>;
  Modality: null;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Path: ResolverTypeWrapper<
    Omit<Path, 'nodes' | 'relations'> & {
      nodes: Array<ResolversTypes['Entity']>;
      relations: Array<ResolversTypes['Relation']>;
    }
  >;
  Person: ResolverTypeWrapper<EntityRow>;
  Place: ResolverTypeWrapper<EntityRow>;
  Polarity: null;
  Project: ResolverTypeWrapper<EntityRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RankingEntry: ResolverTypeWrapper<Omit<RankingEntry, 'entity'> & { entity: ResolversTypes['Entity'] }>;
  Relation: ResolverTypeWrapper<RelationRow>;
  RelationConnection: ResolverTypeWrapper<RelationConnectionParent>;
  RelationEdge: ResolverTypeWrapper<Omit<RelationEdge, 'node'> & { node: ResolversTypes['Relation'] }>;
  RelationFilter: RelationFilter;
  RelationRole: RelationRole;
  RelationType: null;
  RemoveReport: ResolverTypeWrapper<RemoveReport>;
  Section: null;
  SourceReliability: null;
  Stance: null;
  State: ResolverTypeWrapper<EntityRow>;
  Statement: ResolverTypeWrapper<EntityRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subgraph: ResolverTypeWrapper<
    Omit<Subgraph, 'nodes' | 'relations'> & {
      nodes: Array<ResolversTypes['Entity']>;
      relations: Array<ResolversTypes['Relation']>;
    }
  >;
  TimelineEvent: ResolverTypeWrapper<
    Omit<TimelineEvent, 'evidence' | 'relation'> & {
      evidence: ResolversTypes['Evidence'];
      relation: ResolversTypes['Relation'];
    }
  >;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Article: ArticleRow;
  Attribution: AttributionRow;
  Boolean: Scalars['Boolean']['output'];
  Claim: ClaimRow;
  ClaimConnection: ClaimConnectionParent;
  ClaimEdge: Omit<ClaimEdge, 'node'> & { node: ResolversParentTypes['Claim'] };
  ClaimFilter: ClaimFilter;
  Collective: EntityRow;
  Dyad: DyadParent;
  Entity: EntityRow;
  Event: EntityRow;
  Evidence: EvidenceRow;
  Float: Scalars['Float']['output'];
  Group: EntityRow;
  ID: Scalars['ID']['output'];
  IngestReport: IngestReportParent;
  IngestWarning: IngestWarning;
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Meeting: EntityRow;
  MergeRecord: MergeRecordParent;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Path: Omit<Path, 'nodes' | 'relations'> & {
    nodes: Array<ResolversParentTypes['Entity']>;
    relations: Array<ResolversParentTypes['Relation']>;
  };
  Person: EntityRow;
  Place: EntityRow;
  Project: EntityRow;
  Query: Record<PropertyKey, never>;
  RankingEntry: Omit<RankingEntry, 'entity'> & { entity: ResolversParentTypes['Entity'] };
  Relation: RelationRow;
  RelationConnection: RelationConnectionParent;
  RelationEdge: Omit<RelationEdge, 'node'> & { node: ResolversParentTypes['Relation'] };
  RelationFilter: RelationFilter;
  RemoveReport: RemoveReport;
  State: EntityRow;
  Statement: EntityRow;
  String: Scalars['String']['output'];
  Subgraph: Omit<Subgraph, 'nodes' | 'relations'> & {
    nodes: Array<ResolversParentTypes['Entity']>;
    relations: Array<ResolversParentTypes['Relation']>;
  };
  TimelineEvent: Omit<TimelineEvent, 'evidence' | 'relation'> & {
    evidence: ResolversParentTypes['Evidence'];
    relation: ResolversParentTypes['Relation'];
  };
};

export type ArticleResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Article'] = ResolversParentTypes['Article'],
> = {
  authors?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType>;
  copyright?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  entities?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedBy?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  publisher?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  relations?: Resolver<Array<ResolversTypes['Relation']>, ParentType, ContextType>;
  sourceReliability?: Resolver<Maybe<ResolversTypes['SourceReliability']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  textSha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AttributionResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Attribution'] = ResolversParentTypes['Attribution'],
> = {
  holder?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reportedBy?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  stance?: Resolver<ResolversTypes['Stance'], ParentType, ContextType>;
};

export type ClaimResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Claim'] = ResolversParentTypes['Claim'],
> = {
  attributions?: Resolver<Array<ResolversTypes['Attribution']>, ParentType, ContextType>;
  evidence?: Resolver<ResolversTypes['Evidence'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  object?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RelationType'], ParentType, ContextType>;
};

export type ClaimConnectionResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['ClaimConnection'] = ResolversParentTypes['ClaimConnection'],
> = {
  edges?: Resolver<Array<ResolversTypes['ClaimEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClaimEdgeResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['ClaimEdge'] = ResolversParentTypes['ClaimEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
};

export type CollectiveResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Collective'] = ResolversParentTypes['Collective'],
> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<CollectiveArticlesArgs, 'first'>
  >;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relations?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<CollectiveRelationsArgs, 'direction' | 'first' | 'includeStatements'>
  >;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unnamed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DyadResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Dyad'] = ResolversParentTypes['Dyad'],
> = {
  a?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  b?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  relations?: Resolver<Array<ResolversTypes['Relation']>, ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['TimelineEvent']>, ParentType, ContextType>;
};

export type EntityResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Entity'] = ResolversParentTypes['Entity'],
> = {
  __resolveType: TypeResolveFn<
    'Collective' | 'Event' | 'Group' | 'Meeting' | 'Person' | 'Place' | 'Project' | 'State' | 'Statement',
    ParentType,
    ContextType
  >;
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<EntityArticlesArgs, 'first'>
  >;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relations?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<EntityRelationsArgs, 'direction' | 'first' | 'includeStatements'>
  >;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unnamed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EntityTypeResolvers = {
  COLLECTIVE: 'Collective';
  EVENT: 'Event';
  GROUP: 'Group';
  MEETING: 'Meeting';
  PERSON: 'Person';
  PLACE: 'Place';
  PROJECT: 'Project';
  STATE: 'State';
  STATEMENT: 'Statement';
};

export type EventResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event'],
> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<EventArticlesArgs, 'first'>
  >;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  end?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hypothetical?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  place?: Resolver<Maybe<ResolversTypes['Place']>, ParentType, ContextType>;
  relations?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<EventRelationsArgs, 'direction' | 'first' | 'includeStatements'>
  >;
  start?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unnamed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EvidenceResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Evidence'] = ResolversParentTypes['Evidence'],
> = {
  affirmative?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  attributedTo?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  attributions?: Resolver<Array<ResolversTypes['Attribution']>, ParentType, ContextType>;
  condition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  credibility?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  demand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  effectiveDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ended?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hypothetical?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modalities?: Resolver<Array<ResolversTypes['Modality']>, ParentType, ContextType>;
  modality?: Resolver<ResolversTypes['Modality'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  polarity?: Resolver<ResolversTypes['Polarity'], ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quoteEnd?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  quoteStart?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  section?: Resolver<ResolversTypes['Section'], ParentType, ContextType>;
  sourceReliability?: Resolver<Maybe<ResolversTypes['SourceReliability']>, ParentType, ContextType>;
  validFrom?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type GroupResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group'],
> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<GroupArticlesArgs, 'first'>
  >;
  category?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relations?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<GroupRelationsArgs, 'direction' | 'first' | 'includeStatements'>
  >;
  sourceReliability?: Resolver<Maybe<ResolversTypes['SourceReliability']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unnamed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type IngestReportResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['IngestReport'] = ResolversParentTypes['IngestReport'],
> = {
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entitiesCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entitiesMerged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  merges?: Resolver<Array<ResolversTypes['MergeRecord']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relationsWritten?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['IngestWarning']>, ParentType, ContextType>;
};

export type IngestWarningResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['IngestWarning'] = ResolversParentTypes['IngestWarning'],
> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MeetingResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Meeting'] = ResolversParentTypes['Meeting'],
> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<MeetingArticlesArgs, 'first'>
  >;
  attendees?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  place?: Resolver<Maybe<ResolversTypes['Place']>, ParentType, ContextType>;
  relations?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<MeetingRelationsArgs, 'direction' | 'first' | 'includeStatements'>
  >;
  statements?: Resolver<Array<ResolversTypes['Statement']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unnamed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MergeRecordResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['MergeRecord'] = ResolversParentTypes['MergeRecord'],
> = {
  fromId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  into?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ModalityResolvers = {
  ALLEGED: 'alleged';
  ASSERTED: 'asserted';
  DENIED: 'denied';
  IMPLIED: 'implied';
  SPECULATED: 'speculated';
};

export type MutationResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = {
  ingestArticle?: Resolver<
    ResolversTypes['IngestReport'],
    ParentType,
    ContextType,
    RequireFields<MutationIngestArticleArgs, 'document'>
  >;
  removeArticle?: Resolver<
    ResolversTypes['RemoveReport'],
    ParentType,
    ContextType,
    RequireFields<MutationRemoveArticleArgs, 'id'>
  >;
};

export type PageInfoResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PathResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Path'] = ResolversParentTypes['Path'],
> = {
  length?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  relations?: Resolver<Array<ResolversTypes['Relation']>, ParentType, ContextType>;
};

export type PersonResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'],
> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<PersonArticlesArgs, 'first'>
  >;
  authored?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<PersonAuthoredArgs, 'first'>
  >;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relations?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<PersonRelationsArgs, 'direction' | 'first' | 'includeStatements'>
  >;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceReliability?: Resolver<Maybe<ResolversTypes['SourceReliability']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unnamed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PlaceResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Place'] = ResolversParentTypes['Place'],
> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<PlaceArticlesArgs, 'first'>
  >;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latitude?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  longitude?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  placeType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  relations?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<PlaceRelationsArgs, 'direction' | 'first' | 'includeStatements'>
  >;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unnamed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PolarityResolvers = { NEGATIVE: 'negative'; POSITIVE: 'positive' };

export type ProjectResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'],
> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<ProjectArticlesArgs, 'first'>
  >;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relations?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<ProjectRelationsArgs, 'direction' | 'first' | 'includeStatements'>
  >;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unnamed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  article?: Resolver<Maybe<ResolversTypes['Article']>, ParentType, ContextType, RequireFields<QueryArticleArgs, 'id'>>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<QueryArticlesArgs, 'first'>
  >;
  claims?: Resolver<
    ResolversTypes['ClaimConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryClaimsArgs, 'first'>
  >;
  dyad?: Resolver<
    ResolversTypes['Dyad'],
    ParentType,
    ContextType,
    RequireFields<QueryDyadArgs, 'a' | 'b' | 'includeStatements'>
  >;
  entity?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType, RequireFields<QueryEntityArgs, 'id'>>;
  neighborhood?: Resolver<
    ResolversTypes['Subgraph'],
    ParentType,
    ContextType,
    RequireFields<QueryNeighborhoodArgs, 'depth' | 'id'>
  >;
  path?: Resolver<
    Maybe<ResolversTypes['Path']>,
    ParentType,
    ContextType,
    RequireFields<QueryPathArgs, 'from' | 'maxHops' | 'to'>
  >;
  ranking?: Resolver<
    Array<ResolversTypes['RankingEntry']>,
    ParentType,
    ContextType,
    RequireFields<QueryRankingArgs, 'expandCollectives' | 'first' | 'includeStatements' | 'role' | 'type'>
  >;
  relation?: Resolver<
    Maybe<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<QueryRelationArgs, 'id'>
  >;
  relations?: Resolver<
    ResolversTypes['RelationConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryRelationsArgs, 'first'>
  >;
  search?: Resolver<
    Array<ResolversTypes['Entity']>,
    ParentType,
    ContextType,
    RequireFields<QuerySearchArgs, 'first' | 'query'>
  >;
  timeline?: Resolver<
    Array<ResolversTypes['TimelineEvent']>,
    ParentType,
    ContextType,
    RequireFields<QueryTimelineArgs, 'first' | 'id' | 'includeStatements'>
  >;
};

export type RankingEntryResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['RankingEntry'] = ResolversParentTypes['RankingEntry'],
> = {
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  claimCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  counterpartCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
};

export type RelationResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Relation'] = ResolversParentTypes['Relation'],
> = {
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RelationType'], ParentType, ContextType>;
  via?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
};

export type RelationConnectionResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['RelationConnection'] = ResolversParentTypes['RelationConnection'],
> = {
  edges?: Resolver<Array<ResolversTypes['RelationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RelationEdgeResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['RelationEdge'] = ResolversParentTypes['RelationEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Relation'], ParentType, ContextType>;
};

export type RelationTypeResolvers = {
  ATTENDED: 'ATTENDED';
  BLAMES: 'BLAMES';
  CALLS_ON: 'CALLS_ON';
  COOPERATES_WITH: 'COOPERATES_WITH';
  CRITICIZES: 'CRITICIZES';
  FIGHTS: 'FIGHTS';
  ISSUED: 'ISSUED';
  LOCATED_IN: 'LOCATED_IN';
  MEMBER_OF: 'MEMBER_OF';
  OPERATES_IN: 'OPERATES_IN';
  OPPOSES: 'OPPOSES';
  PARTICIPATED_IN: 'PARTICIPATED_IN';
  REPRESENTS: 'REPRESENTS';
  SEEKS: 'SEEKS';
  SHELTERS: 'SHELTERS';
  SUPPORTS: 'SUPPORTS';
  THREATENS: 'THREATENS';
};

export type RemoveReportResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['RemoveReport'] = ResolversParentTypes['RemoveReport'],
> = {
  articleId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entitiesDeleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  relationsDeleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SectionResolvers = {
  BODY: 'body';
  CAPTION: 'caption';
  HEADLINE: 'headline';
  QUOTED_SPEECH: 'quoted-speech';
  STANDFIRST: 'standfirst';
};

export type SourceReliabilityResolvers = { A: 'A'; B: 'B'; C: 'C'; D: 'D'; E: 'E'; F: 'F' };

export type StanceResolvers = {
  ALLEGES: 'alleges';
  ASSERTS: 'asserts';
  BELIEVES: 'believes';
  DENIES: 'denies';
  EXPECTS: 'expects';
  FEARS: 'fears';
  HOPES: 'hopes';
  IMPLIES: 'implies';
  INFERS: 'infers';
  REPORTS: 'reports';
  SPECULATES: 'speculates';
  SUSPECTS: 'suspects';
};

export type StateResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['State'] = ResolversParentTypes['State'],
> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<StateArticlesArgs, 'first'>
  >;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  iso3?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relations?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<StateRelationsArgs, 'direction' | 'first' | 'includeStatements'>
  >;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unnamed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StatementResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Statement'] = ResolversParentTypes['Statement'],
> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articles?: Resolver<
    Array<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    RequireFields<StatementArticlesArgs, 'first'>
  >;
  claims?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<StatementClaimsArgs, 'first'>
  >;
  date?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedBy?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relations?: Resolver<
    Array<ResolversTypes['Relation']>,
    ParentType,
    ContextType,
    RequireFields<StatementRelationsArgs, 'direction' | 'first' | 'includeStatements'>
  >;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unnamed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SubgraphResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Subgraph'] = ResolversParentTypes['Subgraph'],
> = {
  nodes?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  relations?: Resolver<Array<ResolversTypes['Relation']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type TimelineEventResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['TimelineEvent'] = ResolversParentTypes['TimelineEvent'],
> = {
  date?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  evidence?: Resolver<ResolversTypes['Evidence'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['Relation'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Article?: ArticleResolvers<ContextType>;
  Attribution?: AttributionResolvers<ContextType>;
  Claim?: ClaimResolvers<ContextType>;
  ClaimConnection?: ClaimConnectionResolvers<ContextType>;
  ClaimEdge?: ClaimEdgeResolvers<ContextType>;
  Collective?: CollectiveResolvers<ContextType>;
  Dyad?: DyadResolvers<ContextType>;
  Entity?: EntityResolvers<ContextType>;
  EntityType?: EntityTypeResolvers;
  Event?: EventResolvers<ContextType>;
  Evidence?: EvidenceResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  IngestReport?: IngestReportResolvers<ContextType>;
  IngestWarning?: IngestWarningResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Meeting?: MeetingResolvers<ContextType>;
  MergeRecord?: MergeRecordResolvers<ContextType>;
  Modality?: ModalityResolvers;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Path?: PathResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Place?: PlaceResolvers<ContextType>;
  Polarity?: PolarityResolvers;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RankingEntry?: RankingEntryResolvers<ContextType>;
  Relation?: RelationResolvers<ContextType>;
  RelationConnection?: RelationConnectionResolvers<ContextType>;
  RelationEdge?: RelationEdgeResolvers<ContextType>;
  RelationType?: RelationTypeResolvers;
  RemoveReport?: RemoveReportResolvers<ContextType>;
  Section?: SectionResolvers;
  SourceReliability?: SourceReliabilityResolvers;
  Stance?: StanceResolvers;
  State?: StateResolvers<ContextType>;
  Statement?: StatementResolvers<ContextType>;
  Subgraph?: SubgraphResolvers<ContextType>;
  TimelineEvent?: TimelineEventResolvers<ContextType>;
};
