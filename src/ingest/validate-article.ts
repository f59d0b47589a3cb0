/**
 * Everything that can be checked about one file on its own. Ids the file references but
 * does not define are not errors here: another file of the run or the graph may define
 * them, which `resolve-run.ts` decides.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  ArticleFileSchema,
  EntitySchema,
  EntityV1Schema,
  RelationSchema,
  RelationV1Schema,
  SlugSchema,
  type EntityInput,
  type ExtractedArticle,
  type FormatVersion,
  type RelationInput,
} from '../domain/article.schema.ts';
import { upgradeArticleV1 } from '../domain/format-upgrade.ts';
import {
  ACTOR_TYPES,
  DEMAND_RELATION_TYPES,
  V1_ENTITY_TYPES,
  isClaimType,
  relationRule,
  type EntityType,
} from '../domain/vocabulary.ts';
import { checkCharacters, checkCounts } from './check-document-limits.ts';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-limits.ts';
import { listWords, type ValidationIssue } from './issues.ts';
import { foldForQuoteMatch, quoteLocator } from './text-folding.ts';
import { issuesOfVersion } from './version-keys.ts';

export interface ArticleValidation {
  /** Present when the file is valid (no issues). */
  article?: ExtractedArticle;
  issues: ValidationIssue[];
}

/** A place in a file that names an entity by id, and the entity types allowed there. */
export interface EntityReference {
  path: string;
  id: string;
  allowed: readonly EntityType[];
}

interface Indexed<T> {
  index: number;
  value: T;
}

/** The parts of a file the cross-value rules look at, with their positions in the file. */
interface ArticleParts {
  /** The version the file is written in: error paths name its fields. */
  version: FormatVersion;
  text: string | undefined;
  textSha256: string | undefined;
  publisherId: string | undefined;
  authors: Indexed<string>[];
  entities: Indexed<EntityInput>[];
  relations: Indexed<RelationInput>[];
}

const indexed = <T>(values: readonly T[] = []): Indexed<T>[] => values.map((value, index) => ({ value, index }));

function partsOf(article: ExtractedArticle): ArticleParts {
  return {
    version: article.formatVersion,
    text: article.article.text,
    textSha256: article.article.textSha256,
    publisherId: article.article.publisherId,
    authors: indexed(article.article.authors),
    entities: indexed(article.entities),
    relations: indexed(article.relations),
  };
}

/** For an invalid file: the elements that are valid on their own, so their rules still run. */
function salvageParts(json: unknown): ArticleParts {
  const root = asRecord(json);
  const meta = asRecord(root.article);
  const version: FormatVersion = root.formatVersion === 1 ? 1 : 2;
  return {
    version,
    text: typeof meta.text === 'string' ? meta.text : undefined,
    textSha256: version === 2 && typeof meta.textSha256 === 'string' ? meta.textSha256 : undefined,
    publisherId: version === 2 && typeof meta.publisherId === 'string' ? meta.publisherId : undefined,
    authors: validElements(meta.authors, SlugSchema),
    entities: version === 1 ? validElements(root.entities, EntityV1Schema) : validElements(root.entities, EntitySchema),
    relations:
      version === 1
        ? validElements(root.relations, RelationV1Schema).map(({ index, value }) => ({
            index,
            value: upgradeRelationV1(value),
          }))
        : validElements(root.relations, RelationSchema),
  };
}

function upgradeRelationV1(relation: z.infer<typeof RelationV1Schema>): RelationInput {
  const upgraded = upgradeArticleV1({
    formatVersion: 1,
    article: { id: 'x', title: 'x', publishedAt: '2000' },
    entities: [],
    relations: [relation],
  });
  return upgraded.relations[0]!;
}

function validElements<T>(values: unknown, schema: z.ZodType<T>): Indexed<T>[] {
  if (!Array.isArray(values)) return [];
  return values.flatMap((value: unknown, index) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? [{ index, value: parsed.data }] : [];
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Who can hold a claim: an actor, or a collective of actors. */
const HOLDER_TYPES: readonly EntityType[] = [...ACTOR_TYPES, 'Collective'];
const PUBLISHER_TYPES: readonly EntityType[] = ['Group', 'Person'];

/** The types a version 1 file may name: its own vocabulary's, so its messages stay version 1's. */
const inVersion = (version: FormatVersion, types: readonly EntityType[]): readonly EntityType[] =>
  version === 1 ? types.filter((type) => (V1_ENTITY_TYPES as readonly EntityType[]).includes(type)) : types;

function referencesOfParts(parts: ArticleParts): EntityReference[] {
  const refs: EntityReference[] = parts.authors.map(({ index, value }) => ({
    path: `article.authors[${index}]`,
    id: value,
    allowed: ['Person'],
  }));
  if (parts.publisherId !== undefined) {
    refs.push({ path: 'article.publisherId', id: parts.publisherId, allowed: PUBLISHER_TYPES });
  }
  for (const { index, value: relation } of parts.relations) {
    const rule = relationRule(relation.type);
    refs.push({
      path: `relations[${index}].source`,
      id: relation.source,
      allowed: inVersion(parts.version, rule.sources),
    });
    refs.push({
      path: `relations[${index}].target`,
      id: relation.target,
      allowed: inVersion(parts.version, rule.targets),
    });
    relation.attributions.forEach((attribution, order) => {
      if (attribution.holder === undefined) return;
      refs.push(
        parts.version === 1
          ? { path: `relations[${index}].attributedTo`, id: attribution.holder, allowed: ACTOR_TYPES }
          : {
              path: `relations[${index}].attributions[${order}].holder`,
              id: attribution.holder,
              allowed: HOLDER_TYPES,
            },
      );
    });
  }
  return refs;
}

/** Every place the article names an entity by id: authors, relation endpoints, attributions. */
export function referencesOf(article: ExtractedArticle): EntityReference[] {
  return referencesOfParts(partsOf(article));
}

/** `expected the id of a State, Group or Person; "nato-summit" is a Meeting` */
export function wrongTypeMessage(allowed: readonly EntityType[], id: string, actual: EntityType, where = ''): string {
  return `expected the id of a ${listWords(allowed)}; ${JSON.stringify(id)} is a ${actual}${where ? ` ${where}` : ''}`;
}

function checkEntityIds(file: string, parts: ArticleParts): ValidationIssue[] {
  const firstAt = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  for (const { index, value: entity } of parts.entities) {
    const first = firstAt.get(entity.id);
    if (first === undefined) firstAt.set(entity.id, index);
    else
      issues.push({
        file,
        path: `entities[${index}].id`,
        message: `expected an id no other entity of this file has; ${JSON.stringify(entity.id)} is already defined at entities[${first}]`,
      });
  }
  return issues;
}

/**
 * Offsets a file gives: with the text, they must be where the quote is; without it, the file
 * must say which text they point into (article.textSha256).
 */
function checkOffsets(file: string, parts: ArticleParts): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const withOffsets = parts.relations.filter(
    ({ value }) => value.quoteStart !== undefined && value.quote !== undefined,
  );
  if (parts.text === undefined) {
    if (withOffsets.length > 0 && parts.textSha256 === undefined) {
      issues.push({
        file,
        path: 'article.textSha256',
        message: `expected the sha256 of the text the offsets point into (relations[${withOffsets[0]!.index}] gives offsets, and the file has no article.text)`,
      });
    }
    return issues;
  }
  const actualSha256 = sha256Of(parts.text);
  if (parts.textSha256 !== undefined && parts.textSha256 !== actualSha256) {
    issues.push({
      file,
      path: 'article.textSha256',
      message: `expected ${actualSha256}, the sha256 of article.text; the file says ${parts.textSha256}`,
    });
  }
  if (withOffsets.length === 0) return issues;
  const locate = quoteLocator(parts.text);
  for (const { index, value: relation } of withOffsets) {
    const span = locate(relation.quote!);
    // A quote the text lacks is reported by checkEvidence.
    if (span !== null && (span.start !== relation.quoteStart || span.end !== relation.quoteEnd)) {
      issues.push({
        file,
        path: `relations[${index}].quoteStart`,
        message: `expected quoteStart ${span.start} and quoteEnd ${span.end}, where the quote is in article.text; the file says ${relation.quoteStart} and ${relation.quoteEnd}`,
      });
    }
  }
  return issues;
}

export const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function checkEvidence(file: string, parts: ArticleParts): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // Folded once, not once per quote: 10,000 quotes against a 200,000-character text took 27 s.
  const foldedText = parts.text === undefined ? undefined : foldForQuoteMatch(parts.text);
  for (const { index, value: relation } of parts.relations) {
    if (isClaimType(relation.type) && relation.quote === undefined) {
      issues.push({
        file,
        path: `relations[${index}].quote`,
        message: `expected a quote: ${relation.type} is a claim, and a claim needs a verbatim span of the article as evidence`,
      });
    }
    if (DEMAND_RELATION_TYPES.includes(relation.type) && relation.demand === undefined) {
      issues.push({
        file,
        path: `relations[${index}].demand`,
        message: `expected a demand: ${relation.type} must say ${relation.type === 'SEEKS' ? 'the outcome sought' : 'what is demanded'}`,
      });
    }
    const foldedQuote = relation.quote === undefined ? undefined : foldForQuoteMatch(relation.quote);
    // A quote of whitespace alone "occurs" anywhere, and points nowhere.
    if (
      foldedQuote !== undefined &&
      foldedText !== undefined &&
      (foldedQuote === '' || !foldedText.includes(foldedQuote))
    ) {
      issues.push({
        file,
        path: `relations[${index}].quote`,
        message: `expected a verbatim span of article.text (whitespace, quotes and dashes folded); ${JSON.stringify(relation.quote)} does not occur in it`,
      });
    }
  }
  return issues;
}

/** Types of references to entities of this file; the others are checked run-wide. */
function checkLocalReferenceTypes(file: string, parts: ArticleParts): ValidationIssue[] {
  const typeOf = new Map<string, EntityType>();
  for (const { value: entity } of parts.entities) if (!typeOf.has(entity.id)) typeOf.set(entity.id, entity.type);
  return referencesOfParts(parts).flatMap((ref) => {
    const actual = typeOf.get(ref.id);
    if (actual === undefined || ref.allowed.includes(actual)) return [];
    return [{ file, path: ref.path, message: wrongTypeMessage(ref.allowed, ref.id, actual) }];
  });
}

function checkParts(file: string, parts: ArticleParts): ValidationIssue[] {
  return [
    ...checkEntityIds(file, parts),
    ...checkEvidence(file, parts),
    ...checkOffsets(file, parts),
    ...checkLocalReferenceTypes(file, parts),
  ];
}

export function validateArticleFile(
  json: unknown,
  file: string,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): ArticleValidation {
  // An oversized document is refused on its counts alone: nothing else is worth the work.
  const oversized = checkCounts(json, file, limits);
  if (oversized.length > 0) return { issues: oversized };
  const characters = checkCharacters(json, file);
  const parsed = ArticleFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const salvaged = salvageParts(json);
    return {
      issues: [
        ...characters,
        ...issuesOfVersion(file, salvaged.version, parsed.error.issues, json),
        ...checkParts(file, salvaged),
      ],
    };
  }
  const article: ExtractedArticle = parsed.data.formatVersion === 1 ? upgradeArticleV1(parsed.data) : parsed.data;
  const issues = [...characters, ...checkParts(file, partsOf(article))];
  return issues.length > 0 ? { issues } : { article, issues };
}
