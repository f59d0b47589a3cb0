/**
 * Format version 1 read as version 2 (docs/extracted-article.md, "From version 1"): what a
 * v1 relation's `modality` and `attributedTo` said becomes its one attribution; everything
 * v2 adds takes its default. Pure: the loader applies it to every v1 file it reads, and
 * `npm run format:upgrade` writes its result.
 */
import type { ArticleV1, ExtractedArticle, RelationInput } from './article.schema.ts';
import { DEFAULT_POLARITY, DEFAULT_SECTION, DEFAULT_STANCE, attributionFromV1 } from './evidence-vocabulary.ts';
import { DEFAULT_CONFIDENCE } from './vocabulary.ts';

export function upgradeArticleV1(file: ArticleV1): ExtractedArticle {
  const { $schema, article, entities, relations } = file;
  return {
    ...($schema === undefined ? {} : { $schema }),
    // The shape is version 2's; the number still says what the file was written in.
    formatVersion: 1,
    article,
    entities,
    relations: relations.map(({ modality, attributedTo, ...rest }): RelationInput => {
      const { holder, stance } = attributionFromV1({ modality, attributedTo });
      return {
        ...rest,
        polarity: DEFAULT_POLARITY,
        attributions: [holder === null ? { stance } : { holder, stance }],
        hypothetical: false,
        ended: false,
        section: DEFAULT_SECTION,
      };
    }),
  };
}

/**
 * The order a written relation's keys take: what it links, its evidence, who holds it, then
 * the rest as the format lists them (docs/extracted-article.md).
 */
const RELATION_KEY_ORDER = [
  'type',
  'source',
  'target',
  'quote',
  'quoteStart',
  'quoteEnd',
  'attributions',
  'polarity',
  'condition',
  'hypothetical',
  'demand',
  'date',
  'validFrom',
  'validTo',
  'ended',
  'confidence',
  'credibility',
  'section',
  'note',
] as const satisfies ReadonlyArray<keyof RelationInput>;
/** Fails to compile when a relation field is missing from the order (it would not be written). */
const everyRelationKeyOrdered: [Exclude<keyof RelationInput, (typeof RELATION_KEY_ORDER)[number]>] extends [never]
  ? true
  : never = true;
void everyRelationKeyOrdered;

/** Relation fields whose value is the default: left out of a written file, as a person would. */
const RELATION_DEFAULTS: Partial<Record<keyof RelationInput, string>> = {
  polarity: JSON.stringify(DEFAULT_POLARITY),
  attributions: JSON.stringify([{ stance: DEFAULT_STANCE }]),
  hypothetical: JSON.stringify(false),
  ended: JSON.stringify(false),
  section: JSON.stringify(DEFAULT_SECTION),
  confidence: JSON.stringify(DEFAULT_CONFIDENCE),
};

function relationDocument(relation: RelationInput): Record<string, unknown> {
  const fields = relation as Partial<Record<keyof RelationInput, unknown>>;
  return Object.fromEntries(
    RELATION_KEY_ORDER.flatMap((key) => {
      const value = fields[key];
      return value === undefined || RELATION_DEFAULTS[key] === JSON.stringify(value) ? [] : [[key, value]];
    }),
  );
}

/**
 * A v2 document as a file would hold it: defaults left out, relation keys in the format's
 * order, `$schema` kept (or `schemaRef` when given).
 */
export function articleV2Document(article: ExtractedArticle, schemaRef = article.$schema): Record<string, unknown> {
  return {
    ...(schemaRef === undefined ? {} : { $schema: schemaRef }),
    formatVersion: 2,
    article: article.article,
    // id, type and name first, as people write an entity (the parsed object has type later).
    entities: article.entities.map(({ id, type, name, ...rest }) => ({ id, type, name, ...rest })),
    relations: article.relations.map(relationDocument),
  };
}
