/**
 * The properties the graph keeps on entities, claims and articles, listed once: the writer's
 * rows, the read projections and the row parsers all derive from these lists, and a unit test
 * holds them against the types of schema/api.graphql.
 */
import { z } from 'zod';
import { ArticleMetaSchema, ENTITY_COMMON_PROPS, entityTypeProps, type EntityTypeProperty } from './article.schema.ts';
import { ENTITY_TYPES, MODALITIES } from './vocabulary.ts';
import { POLARITIES, SECTIONS, SOURCE_RELIABILITY_GRADES } from './evidence-vocabulary.ts';

/** Every optional entity property of the format (common ones first), each a plain identifier. */
export const ENTITY_PROPERTY_KEYS: readonly EntityProperty[] = [
  ...new Set<EntityProperty>([...ENTITY_COMMON_PROPS, ...ENTITY_TYPES.flatMap(entityTypeProps)]),
];
export type EntityProperty = (typeof ENTITY_COMMON_PROPS)[number] | EntityTypeProperty;

const nullableText = z.string().nullable();

/** Entity properties that are not text, with their type; every other one is text. */
const NON_TEXT_ENTITY_PROPERTIES = {
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  unnamed: z.boolean().nullable(),
  hypothetical: z.boolean().nullable(),
} satisfies Partial<Record<EntityProperty, z.ZodType>>;

/** The schema of each optional entity property's value (null when the entity lacks it). */
export const ENTITY_PROPERTY_SCHEMAS = Object.fromEntries(
  ENTITY_PROPERTY_KEYS.map((key) => [
    key,
    (NON_TEXT_ENTITY_PROPERTIES as Record<string, z.ZodType>)[key] ?? nullableText,
  ]),
) as Record<EntityProperty, z.ZodType<EntityPropertyValue>>;
export type EntityPropertyValue = string | number | boolean | null;

/** What one claim (one element of an article's `relations`) stores besides its identity. */
export const ClaimPropsSchema = z.object({
  quote: nullableText,
  /** The v1 modality of the first attribution (Evidence.modality). */
  modality: z.enum(MODALITIES),
  /**
   * The v1 modalities every holder's stance reads as, in the vocabulary's order: what the
   * `modalities` filters match, so "alleged" finds a claim Pakistan alleges whoever speaks first.
   */
  modalities: z.array(z.enum(MODALITIES)),
  confidence: z.number(),
  attributedTo: nullableText,
  date: nullableText,
  /** `date`, else the article's `publishedAt`. */
  effectiveDate: z.string(),
  /** `YYYY-MM-DD` bounds of `effectiveDate`: what date filters and the evidence order compare. */
  dateStart: z.string(),
  dateEnd: z.string(),
  demand: nullableText,
  note: nullableText,
  polarity: z.enum(POLARITIES),
  condition: nullableText,
  hypothetical: z.boolean(),
  validFrom: nullableText,
  validTo: nullableText,
  ended: z.boolean(),
  /** `YYYY-MM-DD` bounds of the span the claim holds over, which `asOf` compares: validFrom's start, else dateStart. */
  validStart: z.string(),
  /** validTo's end, else (when ended) dateEnd; null: still holds. */
  validEnd: nullableText,
  credibility: z.number().nullable(),
  section: z.enum(SECTIONS),
  /** UTF-16 offsets of the quote in the article text (end exclusive); null without a text. */
  quoteStart: z.number().nullable(),
  quoteEnd: z.number().nullable(),
  /** The article's source reliability, else its publisher's (Admiralty A-F). */
  sourceReliability: z.enum(SOURCE_RELIABILITY_GRADES).nullable(),
  /** Whether the claim is evidence of its relation (isAffirmative): only such claims feed the aggregated relationship. */
  affirmative: z.boolean(),
});
export type ClaimProps = z.infer<typeof ClaimPropsSchema>;
export const CLAIM_PROPERTY_KEYS = Object.keys(ClaimPropsSchema.shape) as Array<keyof ClaimProps>;

/**
 * The article metadata the graph keeps and serves: the format's, less the authors and the
 * publisher (links) and the text (kept, but served only when asked for: it can be 200,000 characters).
 */
export const ARTICLE_PROPERTY_KEYS = Object.keys(ArticleMetaSchema.shape).filter(
  (key): key is ArticleProperty => key !== 'authors' && key !== 'text' && key !== 'publisherId',
);
export type ArticleProperty = Exclude<keyof typeof ArticleMetaSchema.shape, 'authors' | 'text' | 'publisherId'>;
