/**
 * The properties the graph keeps on entities, claims and articles, listed once: the writer's
 * rows, the read projections and the row parsers all derive from these lists, and a unit test
 * holds them against the types of schema/api.graphql.
 */
import { z } from 'zod';
import { ArticleMetaSchema, ENTITY_COMMON_PROPS, entityTypeProps, type EntityTypeProperty } from './article.schema.ts';
import { ENTITY_TYPES, MODALITIES } from './vocabulary.ts';

/** Every optional entity property of the format (common ones first), each a plain identifier. */
export const ENTITY_PROPERTY_KEYS: readonly EntityProperty[] = [
  ...new Set<EntityProperty>([...ENTITY_COMMON_PROPS, ...ENTITY_TYPES.flatMap(entityTypeProps)]),
];
export type EntityProperty = (typeof ENTITY_COMMON_PROPS)[number] | EntityTypeProperty;

const nullableText = z.string().nullable();

/** What one claim (one element of an article's `relations`) stores besides its identity. */
export const ClaimPropsSchema = z.object({
  quote: nullableText,
  modality: z.enum(MODALITIES),
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
});
export type ClaimProps = z.infer<typeof ClaimPropsSchema>;
export const CLAIM_PROPERTY_KEYS = Object.keys(ClaimPropsSchema.shape) as Array<keyof ClaimProps>;

/** The article metadata the graph keeps and serves: the format's, less the authors (links) and the text. */
export const ARTICLE_PROPERTY_KEYS = Object.keys(ArticleMetaSchema.shape).filter(
  (key): key is ArticleProperty => key !== 'authors' && key !== 'text',
);
export type ArticleProperty = Exclude<keyof typeof ArticleMetaSchema.shape, 'authors' | 'text'>;
