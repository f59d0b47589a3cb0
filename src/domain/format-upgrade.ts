/**
 * Format version 1 read as version 2 (docs/extracted-article.md, "From version 1"): what a
 * v1 relation's `modality` and `attributedTo` said becomes its one attribution; everything
 * v2 adds takes its default. Pure: the loader applies it to every v1 file it reads, and
 * `npm run format:upgrade` writes its result.
 */
import type { ArticleV1, ExtractedArticle, RelationInput } from './article.schema.ts';
import { DEFAULT_POLARITY, DEFAULT_SECTION, attributionFromV1 } from './evidence-vocabulary.ts';

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

/** Relation fields whose value is the default: left out of a written file, as a person would. */
const RELATION_DEFAULTS: Partial<Record<keyof RelationInput, unknown>> = {
  polarity: DEFAULT_POLARITY,
  hypothetical: false,
  ended: false,
  section: DEFAULT_SECTION,
  confidence: 1,
};

/** A v2 document as a file would hold it: defaults left out, keys in the format's order. */
export function articleV2Document(article: ExtractedArticle, schemaRef?: string): Record<string, unknown> {
  return {
    ...(schemaRef === undefined ? {} : { $schema: schemaRef }),
    formatVersion: 2,
    article: article.article,
    entities: article.entities,
    relations: article.relations.map((relation) =>
      Object.fromEntries(
        Object.entries(relation).filter(
          ([key, value]) => value !== undefined && RELATION_DEFAULTS[key as keyof RelationInput] !== value,
        ),
      ),
    ),
  };
}
