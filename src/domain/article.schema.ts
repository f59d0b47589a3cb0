/**
 * The extracted-article format, versions 1 and 2 (docs/extracted-article.md), as zod schemas.
 * Everything the format says about one value lives here; rules that relate values to each
 * other (ids, quotes in the text, endpoint types) live in `src/ingest`. A version 1 file is
 * read as version 2 (`upgradeArticleV1`, src/domain/format-upgrade.ts): the rest of the code
 * knows only `ExtractedArticle`, the version 2 shape with its defaults applied.
 *
 * Custom messages all start with "expected": the issue formatter appends what it received.
 */
import { z } from 'zod';
import {
  DEFAULT_CONFIDENCE,
  DEFAULT_MODALITY,
  ENTITY_TYPES,
  EVENT_KINDS,
  GROUP_CATEGORIES,
  MODALITIES,
  PLACE_TYPES,
  PROJECT_KINDS,
  RELATION_TYPES,
  V1_ENTITY_TYPES,
  V1_RELATION_TYPES,
  type EntityType,
} from './vocabulary.ts';
import {
  DEFAULT_POLARITY,
  DEFAULT_SECTION,
  DEFAULT_STANCE,
  POLARITIES,
  SECTIONS,
  SOURCE_RELIABILITY_GRADES,
  STANCES,
} from './evidence-vocabulary.ts';
import { PARTIAL_DATE_PATTERN, dateBounds, isPartialDate } from './dates.ts';
import { upgradeArticleV1 } from './format-upgrade.ts';

export const FORMAT_VERSIONS = [1, 2] as const;
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];
/** The version `format:upgrade` writes and the one this code reads every file as. */
export const LATEST_FORMAT_VERSION = 2;

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
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
  /** holders of one claim */
  attributions: 20,
  /** the copyright line */
  copyright: 1_000,
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

const articleMetaV1 = {
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
};

const SourceReliabilitySchema = z
  .enum(SOURCE_RELIABILITY_GRADES)
  .describe('Admiralty source reliability: A completely reliable ... E unreliable, F cannot be judged.');

export const ArticleMetaV1Schema = z.strictObject(articleMetaV1).describe('The article the claims come from.');

export const ArticleMetaSchema = z
  .strictObject({
    ...articleMetaV1,
    text: articleMetaV1.text.describe(
      'The article text. When present, every quote must occur in it (whitespace, quotes and dashes folded) and its character offsets are stored.',
    ),
    copyright: textUpTo(TEXT_LIMITS.copyright, 'a copyright line')
      .optional()
      .describe(
        'The copyright line of the original, kept with its text (e.g. "Copyright © Andrew Korybko, Global Research, 2024").',
      ),
    publisherId: SlugSchema.optional().describe(
      'Entity id of the publisher (a Group, usually of category media): the voice of the headline, and a holder like any other.',
    ),
    sourceReliability: SourceReliabilitySchema.optional().describe(
      "Admiralty reliability of this article as a source; absent: its publisher's, if the publisher entity has one.",
    ),
    textSha256: z
      .string()
      .regex(SHA256_PATTERN, { error: 'expected a sha256: 64 lower-case hexadecimal digits' })
      .optional()
      .describe(
        "sha256 of the UTF-8 article text the quotes' offsets point into, for a file that gives offsets but not the text (`npm run ground` writes both); with the text, it must match it.",
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

/** What version 2 adds to every entity. */
const entityBaseV2 = {
  ...entityBase,
  unnamed: z
    .boolean()
    .optional()
    .describe(
      'True for an actor the article does not name ("Taliban-backed terrorists in Balochistan"): its name is a description, and it is never resolved into another entity by name.',
    ),
};

const latitude = z
  .number({ error: 'expected a latitude: a number from -90 to 90' })
  .min(-90, { error: 'expected a latitude: a number from -90 to 90' })
  .max(90, { error: 'expected a latitude: a number from -90 to 90' });
const longitude = z
  .number({ error: 'expected a longitude: a number from -180 to 180' })
  .min(-180, { error: 'expected a longitude: a number from -180 to 180' })
  .max(180, { error: 'expected a longitude: a number from -180 to 180' });

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
  Place: {
    placeType: z.enum(PLACE_TYPES).optional().describe('What kind of place: its geographic precision.'),
    latitude: latitude.optional().describe('WGS 84 latitude of a representative point; with longitude.'),
    longitude: longitude.optional().describe('WGS 84 longitude of a representative point; with latitude.'),
  },
  Event: {
    kind: z.enum(EVENT_KINDS).optional().describe('What kind of event.'),
    start: PartialDateSchema.optional().describe('When it began (or will), as precise as the source.'),
    end: PartialDateSchema.optional().describe('When it ended, as precise as the source.'),
    hypothetical: z
      .boolean()
      .optional()
      .describe('True for an event that may happen but has not ("whatever military means Pakistan might resort to").'),
  },
  Project: {
    kind: z.enum(PROJECT_KINDS).optional().describe('What kind of project.'),
  },
  Collective: {},
} satisfies Record<EntityType, z.ZodRawShape>;

/** Version 2's additions to the v1 types: an actor's rating as a source. */
const sourceRating = {
  sourceReliability: SourceReliabilitySchema.optional().describe(
    "Admiralty reliability of this actor as a source (a publisher's applies to its articles that give none).",
  ),
};
const entityExtrasV2 = {
  ...entityExtras,
  Group: { ...entityExtras.Group, ...sourceRating },
  Person: { ...entityExtras.Person, ...sourceRating },
} satisfies Record<EntityType, z.ZodRawShape>;

function entityVariantV1<const T extends EntityType>(type: T) {
  return z
    .strictObject({ ...entityBase, type: z.literal(type), ...entityExtras[type] })
    .describe(`An entity of type ${type}.`);
}

function entityVariant<const T extends EntityType>(type: T) {
  return z
    .strictObject({ ...entityBaseV2, type: z.literal(type), ...entityExtrasV2[type] })
    .describe(`An entity of type ${type}.`);
}

export const EntityV1Schema = z
  .discriminatedUnion('type', [
    entityVariantV1('State'),
    entityVariantV1('Group'),
    entityVariantV1('Person'),
    entityVariantV1('Meeting'),
    entityVariantV1('Statement'),
  ])
  .describe(`A ${V1_ENTITY_TYPES.join(', ')} the article mentions.`);

export const EntitySchema = z
  .discriminatedUnion('type', [
    entityVariant('State'),
    entityVariant('Group'),
    entityVariant('Person'),
    entityVariant('Meeting'),
    entityVariant('Statement'),
    entityVariant('Place'),
    entityVariant('Event'),
    entityVariant('Project'),
    entityVariant('Collective'),
  ])
  .superRefine((entity, context) => {
    if (entity.type === 'Place' && (entity.latitude === undefined) !== (entity.longitude === undefined)) {
      const missing = entity.latitude === undefined ? 'latitude' : 'longitude';
      context.addIssue({
        code: 'custom',
        path: [missing],
        input: undefined,
        message: `expected a ${missing} too: coordinates come in pairs`,
      });
    }
    if (entity.type === 'Event' && entity.start !== undefined && entity.end !== undefined) {
      if (dateBounds(entity.end).end < dateBounds(entity.start).start) {
        context.addIssue({
          code: 'custom',
          path: ['end'],
          input: entity.end,
          message: `expected an end no earlier than start (${entity.start})`,
        });
      }
    }
  })
  .describe(`A ${ENTITY_TYPES.join(', ')} the article mentions.`);

/** A property some entity type adds to the common ones (`iso3`, `category`, ...). */
export type EntityTypeProperty = { [T in EntityType]: keyof (typeof entityExtrasV2)[T] }[EntityType];

/** The type-specific properties of each entity type, derived from the schema. */
export function entityTypeProps(type: EntityType): readonly EntityTypeProperty[] {
  return Object.keys(entityExtrasV2[type]) as EntityTypeProperty[];
}

/** The optional properties every entity may carry besides id, type, name and aliases. */
export const ENTITY_COMMON_PROPS = [
  'description',
  'wikidata',
  'unnamed',
] as const satisfies readonly (keyof typeof entityBaseV2)[];

const relationCommon = {
  type: z.enum(RELATION_TYPES).describe('Relation type from the vocabulary; it fixes the allowed endpoint types.'),
  source: SlugSchema.describe('Entity id of the source.'),
  target: SlugSchema.describe('Entity id of the target.'),
  quote: text(1, 600, 'a quote')
    .optional()
    .describe('Verbatim span of the article: the evidence. Required for claim types.'),
  confidence: z
    .number()
    .gt(0, { error: 'expected a number greater than 0 and at most 1' })
    .lte(1, { error: 'expected a number greater than 0 and at most 1' })
    .default(DEFAULT_CONFIDENCE)
    .describe('Confidence of the extraction, 0 < c <= 1.'),
  date: PartialDateSchema.optional().describe('When the relation held or was stated.'),
  demand: text(1, 500, 'a demand')
    .optional()
    .describe('What is demanded (CALLS_ON) or sought (SEEKS); required for both.'),
  note: textUpTo(TEXT_LIMITS.freeText, 'a note').optional().describe('Free text.'),
};

export const RelationV1Schema = z
  .strictObject({
    ...relationCommon,
    type: z.enum(V1_RELATION_TYPES).describe('Relation type from the version 1 vocabulary.'),
    modality: z.enum(MODALITIES).default(DEFAULT_MODALITY).describe('How the article presents the claim.'),
    attributedTo: SlugSchema.optional().describe(
      'Entity id of the actor that makes the claim; absent means the article itself.',
    ),
  })
  .describe('A relation between two entities, with its evidence.');

export const AttributionSchema = z
  .strictObject({
    holder: SlugSchema.optional().describe(
      "Entity id of who holds the claim (a State, Group, Person or Collective; the author and the publisher too); absent: the article's own voice.",
    ),
    stance: z
      .enum(STANCES)
      .describe('How the holder holds the claim: asserts, alleges, suspects, implies, infers, denies, hopes...'),
    reportedBy: z
      .int({ error: 'expected the index of an earlier attribution of this relation' })
      .min(0, { error: 'expected the index of an earlier attribution of this relation' })
      .optional()
      .describe(
        'Index of the attribution that reports this one ("according to the author, the four believe"): always an earlier one.',
      ),
  })
  .describe('One voice of a claim.');

const offset = z
  .int({ error: 'expected a character offset: an integer of at least 0' })
  .min(0, { error: 'expected a character offset: an integer of at least 0' });

const DEFAULT_ATTRIBUTIONS = [{ stance: DEFAULT_STANCE }];

export const RelationSchema = z
  .strictObject({
    ...relationCommon,
    polarity: z
      .enum(POLARITIES)
      .default(DEFAULT_POLARITY)
      .describe('negative for "X does not oppose Y"; a denial is a holder with stance denies, not a polarity.'),
    attributions: z
      .array(AttributionSchema)
      .min(1, { error: 'expected at least one attribution' })
      .max(TEXT_LIMITS.attributions, { error: `expected at most ${TEXT_LIMITS.attributions} attributions` })
      .default(DEFAULT_ATTRIBUTIONS)
      .describe("Who holds the claim and how; absent: the article's own voice asserts it."),
    condition: text(1, 500, 'a condition')
      .optional()
      .describe('The condition the claim depends on ("if Pakistan resorts to military means").'),
    hypothetical: z.boolean().default(false).describe('True for a claim about what might be, not what is.'),
    validFrom: PartialDateSchema.optional().describe(
      'Since when the relation holds (its precision is its form: 2024, 2024-09, 2024-09-27).',
    ),
    validTo: PartialDateSchema.optional().describe('Until when the relation held.'),
    ended: z
      .boolean()
      .default(false)
      .describe("True when the article says the relation has ended (by validTo, or by the article's date)."),
    credibility: z
      .int({ error: 'expected an Admiralty credibility: an integer from 1 (confirmed) to 6 (cannot be judged)' })
      .min(1, { error: 'expected an Admiralty credibility: an integer from 1 (confirmed) to 6 (cannot be judged)' })
      .max(6, { error: 'expected an Admiralty credibility: an integer from 1 (confirmed) to 6 (cannot be judged)' })
      .optional()
      .describe(
        'Admiralty information credibility: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged.',
      ),
    section: z.enum(SECTIONS).default(DEFAULT_SECTION).describe('Where in the article the claim is read.'),
    quoteStart: offset
      .optional()
      .describe(
        'Where the quote starts in the article text (UTF-16 code units, as JavaScript indexes strings); with quoteEnd. Computed from article.text when the file has it, which must then agree; `npm run ground` writes them.',
      ),
    quoteEnd: offset.optional().describe('Where the quote ends in the article text (exclusive); with quoteStart.'),
  })
  .superRefine((relation, context) => {
    if ((relation.quoteStart === undefined) !== (relation.quoteEnd === undefined)) {
      const missing = relation.quoteStart === undefined ? 'quoteStart' : 'quoteEnd';
      context.addIssue({
        code: 'custom',
        path: [missing],
        input: undefined,
        message: `expected a ${missing} too: a quote's offsets come in pairs`,
      });
    } else if (relation.quoteStart !== undefined && relation.quoteEnd !== undefined) {
      if (relation.quote === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['quoteStart'],
          input: relation.quoteStart,
          message: 'expected no offsets without a quote: they say where the quote is',
        });
      } else if (relation.quoteEnd <= relation.quoteStart) {
        context.addIssue({
          code: 'custom',
          path: ['quoteEnd'],
          input: relation.quoteEnd,
          message: `expected a quoteEnd after quoteStart (${relation.quoteStart})`,
        });
      }
    }
    relation.attributions.forEach((attribution, index) => {
      if (attribution.reportedBy !== undefined && attribution.reportedBy >= index) {
        context.addIssue({
          code: 'custom',
          path: ['attributions', index, 'reportedBy'],
          input: attribution.reportedBy,
          message:
            index === 0
              ? 'expected no reportedBy on the first attribution: only an earlier attribution can report one'
              : index === 1
                ? 'expected 0, the index of the one earlier attribution of this relation'
                : `expected the index of an earlier attribution of this relation, 0 to ${index - 1}`,
        });
      }
    });
    if (relation.validFrom !== undefined && relation.validTo !== undefined) {
      if (dateBounds(relation.validTo).end < dateBounds(relation.validFrom).start) {
        context.addIssue({
          code: 'custom',
          path: ['validTo'],
          input: relation.validTo,
          message: `expected a validTo no earlier than validFrom (${relation.validFrom})`,
        });
      }
    }
  })
  .describe('A claim or a structural relation between two entities, with its evidence and who holds it.');

const SchemaRefSchema = textUpTo(TEXT_LIMITS.schemaRef, 'a JSON Schema reference')
  .optional()
  .describe('Lets editors find this JSON Schema; ignored by the loader.');

export const ArticleV1Schema = z
  .strictObject({
    $schema: SchemaRefSchema,
    formatVersion: z.literal(1).describe('Version of the extracted-article format.'),
    article: ArticleMetaV1Schema,
    entities: z.array(EntityV1Schema).describe('Entities the article mentions.'),
    relations: z.array(RelationV1Schema).describe('Relations the article states, each with its evidence.'),
  })
  .describe('One article, extracted, in format version 1.');

export const ArticleV2Schema = z
  .strictObject({
    $schema: SchemaRefSchema,
    formatVersion: z.literal(2).describe('Version of the extracted-article format.'),
    article: ArticleMetaSchema,
    entities: z.array(EntitySchema).describe('Entities the article mentions.'),
    relations: z
      .array(RelationSchema)
      .describe('Relations the article states, each with its evidence and its holders.'),
  })
  .describe('One article, extracted, in format version 2.');

/** A file as written: either version. */
export const ArticleFileSchema = z
  .discriminatedUnion('formatVersion', [ArticleV1Schema, ArticleV2Schema], {
    error: (issue) =>
      issue.code === 'invalid_union' ? `expected formatVersion ${FORMAT_VERSIONS.join(' or ')}` : undefined,
  })
  .describe('One article, extracted: its metadata, the entities it mentions and the relations it states.');

/**
 * A file of either version, read as version 2 with its defaults applied; `formatVersion`
 * still says which version the file was written in (error paths name that version's fields).
 */
export const ExtractedArticleSchema = ArticleFileSchema.transform((file): ExtractedArticle =>
  file.formatVersion === 1 ? upgradeArticleV1(file) : file,
);

export type ArticleV1 = z.infer<typeof ArticleV1Schema>;
export type ExtractedArticle = Omit<z.infer<typeof ArticleV2Schema>, 'formatVersion'> & {
  formatVersion: FormatVersion;
};
export type ArticleMeta = ExtractedArticle['article'];
export type EntityInput = z.infer<typeof EntitySchema>;
export type RelationInput = z.infer<typeof RelationSchema>;
export type AttributionInput = z.infer<typeof AttributionSchema>;
export type RelationV1Input = z.infer<typeof RelationV1Schema>;
