/**
 * The extracted-article format, version 1 (`/work/shared/spec/extracted-article.md`), as a
 * zod schema. Everything the format says about one value lives here; rules that relate
 * values to each other (ids, quotes in the text, endpoint types) live in `src/ingest`.
 *
 * Custom messages all start with "expected": the issue formatter appends what it received.
 */
import { z } from 'zod';
import {
  DEFAULT_CONFIDENCE,
  DEFAULT_MODALITY,
  GROUP_CATEGORIES,
  MODALITIES,
  RELATION_TYPES,
  type EntityType,
} from './vocabulary.ts';
import { PARTIAL_DATE_PATTERN, isPartialDate } from './dates.ts';

export const FORMAT_VERSION = 1;

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const WIKIDATA_PATTERN = /^Q[1-9][0-9]*$/;
export const ISO3_PATTERN = /^[A-Z]{3}$/;
/** BCP 47 without the rarely used extensions: language[-Script][-REGION][-variant]*[-x-private]. */
export const LANGUAGE_PATTERN =
  /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-x(-[A-Za-z0-9]{1,8})+)?$/;

const SLUG_MAX = 120;

/**
 * Caps on the free-text fields and lists, so one document cannot carry megabytes in a field
 * nobody reads whole. Generous for real articles (a long feature is about 60,000 characters);
 * the whole document is capped in bytes too (INGEST_MAX_BYTES, src/ingest/ingest-limits.ts).
 */
export const TEXT_LIMITS = {
  articleText: 200_000,
  /** description, summary, note */
  freeText: 5_000,
  /** publisher, role, location */
  label: 300,
  schemaRef: 2_000,
  aliases: 50,
  authors: 50,
} as const;

const text = (min: number, max: number, what: string) => {
  const error = `expected ${what} of ${min} to ${max} characters`;
  return z.string({ error }).min(min, { error }).max(max, { error });
};

/** An optional free text: any length up to `max`, empty allowed. */
const textUpTo = (max: number, what: string) => {
  const error = `expected ${what} of at most ${max.toLocaleString('en-US')} characters`;
  return z.string({ error }).max(max, { error });
};

const listUpTo = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item).max(max, { error: `expected at most ${max} ${what}` });

const SLUG_ERROR = 'expected a slug: lower-case letters and digits joined by single hyphens, e.g. "pakistan-mofa"';
export const SlugSchema = z
  .string({ error: SLUG_ERROR })
  .max(SLUG_MAX, { error: `expected a slug of at most ${SLUG_MAX} characters` })
  .regex(SLUG_PATTERN, { error: SLUG_ERROR })
  .describe(`A slug: ${SLUG_PATTERN.source}, at most ${SLUG_MAX} characters.`);

const DATE_ERROR = 'expected a date: YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time with Z or an offset';
export const PartialDateSchema = z
  .string({ error: DATE_ERROR })
  .regex(PARTIAL_DATE_PATTERN, {
    error: DATE_ERROR,
    // An impossible shape need not be reported twice.
    abort: true,
  })
  .refine(isPartialDate, { error: 'expected a date that exists in the calendar' })
  .describe('A date as precise as the source: YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time with Z or an offset.');

const WikidataSchema = z
  .string()
  .regex(WIKIDATA_PATTERN, { error: 'expected a Wikidata item id such as "Q843"' })
  .describe('Wikidata item id, e.g. "Q843". Entities with the same wikidata id are resolved into one.');

const URL_ERROR = 'expected an absolute http(s) URL such as "https://example.org/news/1"';
const UrlSchema = z
  .url({ protocol: /^https?$/, error: URL_ERROR, abort: true })
  // Redundant for zod; it shows editors (JSON Schema "uri" allows any scheme) what is meant.
  .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\//, { error: URL_ERROR })
  .describe('Absolute http(s) URL of the article.');

export const ArticleMetaSchema = z
  .strictObject({
    id: SlugSchema.describe('Unique article id (slug), e.g. "dawn-2024-09-17-ttp".'),
    title: text(1, 500, 'a title').describe('Headline, 1..500 characters.'),
    publishedAt: PartialDateSchema.describe('Publication date: YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time.'),
    url: UrlSchema.optional(),
    publisher: textUpTo(TEXT_LIMITS.label, 'a publisher').optional().describe('Publisher, e.g. "Global Research".'),
    authors: listUpTo(SlugSchema, TEXT_LIMITS.authors, 'authors')
      .optional()
      .describe('Entity ids of the authors; each a Person defined in this file or already known.'),
    language: z
      .string()
      .regex(LANGUAGE_PATTERN, { error: 'expected a BCP 47 language tag such as "en" or "ur-PK"' })
      .optional()
      .describe('BCP 47 language tag, e.g. "en".'),
    text: textUpTo(TEXT_LIMITS.articleText, 'an article text')
      .optional()
      .describe(
        'The article body. When present, every relation quote must occur in it (whitespace, quotes and dashes folded).',
      ),
  })
  .describe('The article the claims come from.');

const entityBase = {
  id: SlugSchema.describe('Entity id (slug), unique within the file; the same id in another file is the same entity.'),
  name: text(1, 300, 'a name').describe('Display name, 1..300 characters.'),
  aliases: listUpTo(text(1, 300, 'an alias'), TEXT_LIMITS.aliases, 'aliases')
    .optional()
    .describe('Other names of the entity; used, like the name, to resolve it against known entities.'),
  description: textUpTo(TEXT_LIMITS.freeText, 'a description').optional().describe('Free-text description.'),
  wikidata: WikidataSchema.optional(),
};

/** The fields each entity type adds to the common ones. */
const entityExtras = {
  State: {
    iso3: z
      .string()
      .regex(ISO3_PATTERN, { error: 'expected an ISO 3166-1 alpha-3 code such as "PAK"' })
      .optional()
      .describe('ISO 3166-1 alpha-3 code, e.g. "PAK".'),
  },
  Group: {
    category: z.enum(GROUP_CATEGORIES).optional().describe('What kind of group it is.'),
  },
  Person: {
    role: textUpTo(TEXT_LIMITS.label, 'a role').optional().describe('Role or office, e.g. "Foreign Minister".'),
  },
  Meeting: {
    date: PartialDateSchema.describe('When the meeting took place (required).'),
    location: textUpTo(TEXT_LIMITS.label, 'a location').optional().describe('Where the meeting took place.'),
  },
  Statement: {
    date: PartialDateSchema.optional().describe('When the statement was made.'),
    summary: textUpTo(TEXT_LIMITS.freeText, 'a summary').optional().describe('What the statement says, in brief.'),
  },
} satisfies Record<EntityType, z.ZodRawShape>;

function entityVariant<const T extends EntityType>(type: T) {
  return z
    .strictObject({ ...entityBase, type: z.literal(type), ...entityExtras[type] })
    .describe(`An entity of type ${type}.`);
}

const entityVariants = {
  State: entityVariant('State'),
  Group: entityVariant('Group'),
  Person: entityVariant('Person'),
  Meeting: entityVariant('Meeting'),
  Statement: entityVariant('Statement'),
} satisfies Record<EntityType, z.ZodType>;

export const EntitySchema = z
  .discriminatedUnion('type', [
    entityVariants.State,
    entityVariants.Group,
    entityVariants.Person,
    entityVariants.Meeting,
    entityVariants.Statement,
  ])
  .describe('A State, Group, Person, Meeting or Statement the article mentions.');

/** A property some entity type adds to the common ones (`iso3`, `category`, ...). */
export type EntityTypeProperty = { [T in EntityType]: keyof (typeof entityExtras)[T] }[EntityType];

/** The type-specific properties of each entity type, derived from the schema. */
export function entityTypeProps(type: EntityType): readonly EntityTypeProperty[] {
  return Object.keys(entityExtras[type]) as EntityTypeProperty[];
}

/** The optional properties every entity may carry besides id, type, name and aliases. */
export const ENTITY_COMMON_PROPS = ['description', 'wikidata'] as const satisfies readonly (keyof typeof entityBase)[];

export const RelationSchema = z
  .strictObject({
    type: z.enum(RELATION_TYPES).describe('Relation type from the vocabulary; it fixes the allowed endpoint types.'),
    source: SlugSchema.describe('Entity id of the source.'),
    target: SlugSchema.describe('Entity id of the target.'),
    quote: text(1, 600, 'a quote')
      .optional()
      .describe('Verbatim span of the article: the evidence. Required for claim types.'),
    modality: z.enum(MODALITIES).default(DEFAULT_MODALITY).describe('How the article presents the claim.'),
    confidence: z
      .number()
      .gt(0, { error: 'expected a number greater than 0 and at most 1' })
      .lte(1, { error: 'expected a number greater than 0 and at most 1' })
      .default(DEFAULT_CONFIDENCE)
      .describe('Confidence of the extraction, 0 < c <= 1.'),
    attributedTo: SlugSchema.optional().describe(
      'Entity id of the actor that makes the claim; absent means the article itself.',
    ),
    date: PartialDateSchema.optional().describe('When the relation held or was stated.'),
    demand: text(1, 500, 'a demand').optional().describe('What is demanded; required for CALLS_ON.'),
    note: textUpTo(TEXT_LIMITS.freeText, 'a note').optional().describe('Free text.'),
  })
  .describe('A relation between two entities, with its evidence.');

export const ExtractedArticleSchema = z
  .strictObject({
    $schema: textUpTo(TEXT_LIMITS.schemaRef, 'a JSON Schema reference')
      .optional()
      .describe('Lets editors find this JSON Schema; ignored by the loader.'),
    formatVersion: z.literal(FORMAT_VERSION).describe('Version of the extracted-article format.'),
    article: ArticleMetaSchema,
    entities: z.array(EntitySchema).describe('Entities the article mentions.'),
    relations: z.array(RelationSchema).describe('Relations the article states, each with its evidence.'),
  })
  .describe('One article, extracted: its metadata, the entities it mentions and the relations it states.');

export type ExtractedArticle = z.infer<typeof ExtractedArticleSchema>;
export type ArticleMeta = ExtractedArticle['article'];
export type EntityInput = z.infer<typeof EntitySchema>;
export type RelationInput = z.infer<typeof RelationSchema>;
