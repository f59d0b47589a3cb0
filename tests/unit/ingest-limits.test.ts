import { describe, expect, it, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { TEXT_LIMITS } from '../../src/domain/article.schema.ts';
import { DEFAULT_INGEST_LIMITS, ingestLimitsOf, type IngestLimits } from '../../src/ingest/ingest-limits.ts';
import { validateArticleFile } from '../../src/ingest/validate-article.ts';
import { articleDoc, type ArticleBuilder } from '../fixtures/article-builder.ts';

const FILE = 'big.json';
const SMALL: IngestLimits = { ...DEFAULT_INGEST_LIMITS, maxEntities: 3, maxRelations: 2 };
const validate = (doc: unknown, limits: IngestLimits = DEFAULT_INGEST_LIMITS) => validateArticleFile(doc, FILE, limits);

function withStates(count: number): ArticleBuilder {
  const doc = articleDoc();
  for (let index = 0; index < count; index += 1) doc.add('State', `state-${index}`);
  return doc;
}

describe('configuration of the ingest caps', () => {
  test('defaults: 2 MiB, 2,000 entities, 10,000 relations, 100 problems listed', () => {
    expect(ingestLimitsOf(loadConfig({}))).toEqual({
      maxBytes: 2_097_152,
      maxEntities: 2_000,
      maxRelations: 10_000,
      maxIssuesShown: 100,
    });
  });

  test('each cap can be set from the environment', () => {
    const limits = ingestLimitsOf(
      loadConfig({
        INGEST_MAX_BYTES: '1000',
        INGEST_MAX_ENTITIES: '5',
        INGEST_MAX_RELATIONS: '6',
        INGEST_MAX_ISSUES_SHOWN: '7',
      }),
    );
    expect(limits).toEqual({ maxBytes: 1000, maxEntities: 5, maxRelations: 6, maxIssuesShown: 7 });
  });

  test('a cap that is not a positive whole number stops the program with its name', () => {
    expect(() => loadConfig({ INGEST_MAX_ENTITIES: 'lots' })).toThrow(ConfigError);
    expect(() => loadConfig({ INGEST_MAX_ENTITIES: '0' })).toThrow(/INGEST_MAX_ENTITIES="0"/);
  });
});

describe('entity and relation counts', () => {
  it('refuses more entities than the cap with one located issue', () => {
    expect(validate(withStates(4).build(), SMALL).issues).toEqual([
      { file: FILE, path: 'entities', message: 'expected at most 3 entities, received 4' },
    ]);
  });

  it('refuses more relations than the cap with one located issue', () => {
    const doc = withStates(2)
      .claim('THREATENS', 'state-0', 'state-1')
      .claim('THREATENS', 'state-1', 'state-0')
      .claim('FIGHTS', 'state-0', 'state-1');
    expect(validate(doc.build(), SMALL).issues).toEqual([
      { file: FILE, path: 'relations', message: 'expected at most 2 relations, received 3' },
    ]);
  });

  it('accepts a document exactly at the caps', () => {
    const doc = withStates(3).claim('THREATENS', 'state-0', 'state-1').claim('FIGHTS', 'state-0', 'state-1');
    expect(validate(doc.build(), SMALL).issues).toEqual([]);
  });

  it('writes counts with thousands separators', () => {
    const entities = Array.from({ length: 100_000 }, () => ({}));
    expect(validate({ formatVersion: 1, entities, relations: [] }).issues).toEqual([
      { file: FILE, path: 'entities', message: 'expected at most 2,000 entities, received 100,000' },
    ]);
  });

  it('checks counts before anything else: an oversized document gets no other issue', () => {
    const doc = withStates(4).set({ formatVersion: 7 }).article({ publishedAt: 'yesterday' }).add('State', 'state-0');
    expect(validate(doc.build(), SMALL).issues).toHaveLength(1);
  });
});

describe('caps on free-text fields and lists', () => {
  const over = (max: number) => 'x'.repeat(max + 1);
  const cases: Array<[string, ArticleBuilder, string]> = [
    [
      'article.text',
      articleDoc().article({ text: over(TEXT_LIMITS.articleText) }),
      'expected an article text of at most 200,000 characters',
    ],
    [
      'article.publisher',
      articleDoc().article({ publisher: over(TEXT_LIMITS.label) }),
      'expected a publisher of at most 300 characters',
    ],
    [
      'entities[0].description',
      articleDoc().add('State', 's', { description: over(TEXT_LIMITS.freeText) }),
      'expected a description of at most 5,000 characters',
    ],
    [
      'entities[0].role',
      articleDoc().add('Person', 'p', { role: over(TEXT_LIMITS.label) }),
      'expected a role of at most 300 characters',
    ],
    [
      'entities[0].location',
      articleDoc().add('Meeting', 'm', { location: over(TEXT_LIMITS.label) }),
      'expected a location of at most 300 characters',
    ],
    [
      'entities[0].summary',
      articleDoc().add('Statement', 's', { summary: over(TEXT_LIMITS.freeText) }),
      'expected a summary of at most 5,000 characters',
    ],
    [
      'relations[0].note',
      articleDoc()
        .add('State', 'a')
        .add('State', 'b')
        .claim('THREATENS', 'a', 'b', { note: over(TEXT_LIMITS.freeText) }),
      'expected a note of at most 5,000 characters',
    ],
    [
      '$schema',
      articleDoc().set({ $schema: over(TEXT_LIMITS.schemaRef) }),
      'expected a JSON Schema reference of at most 2,000 characters',
    ],
  ];

  it.each(cases)('%s has a cap', (path, doc, expected) => {
    const [issue, ...others] = validate(doc.build()).issues;
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ path });
    expect(issue?.message.startsWith(`${expected}, received "xxx`)).toBe(true);
  });

  it('accepts each free text at its cap', () => {
    const doc = articleDoc()
      .article({ text: 'x'.repeat(TEXT_LIMITS.articleText), publisher: 'p'.repeat(TEXT_LIMITS.label) })
      .add('Statement', 's', {
        summary: 's'.repeat(TEXT_LIMITS.freeText),
        description: 'd'.repeat(TEXT_LIMITS.freeText),
      });
    expect(validate(doc.build()).issues).toEqual([]);
  });

  it('caps the number of aliases of an entity', () => {
    const aliases = Array.from({ length: TEXT_LIMITS.aliases + 1 }, (_, index) => `Alias ${index}`);
    expect(validate(articleDoc().add('Group', 'g', { aliases }).build()).issues).toEqual([
      { file: FILE, path: 'entities[0].aliases', message: 'expected at most 50 aliases, received 51' },
    ]);
  });

  it('caps the number of authors of an article', () => {
    const authors = Array.from({ length: TEXT_LIMITS.authors + 1 }, (_, index) => `author-${index}`);
    expect(validate(articleDoc().article({ authors }).build()).issues).toEqual([
      { file: FILE, path: 'article.authors', message: 'expected at most 50 authors, received 51' },
    ]);
  });
});

describe('the cost of a document at the caps', () => {
  it('10,000 quotes checked against a 200,000-character text take seconds at most, not minutes', () => {
    const text = 'Group A fights group B. '.repeat(9_000).slice(0, TEXT_LIMITS.articleText);
    const doc = articleDoc().article({ text }).add('Group', 'a').add('Group', 'b');
    for (let index = 0; index < 10_000; index += 1)
      doc.claim('FIGHTS', 'a', 'b', { quote: index % 2 ? 'fights group B' : `absent ${index}` });
    const startedAt = performance.now();
    const { issues } = validate(doc.build());
    expect(issues).toHaveLength(5_000);
    expect(performance.now() - startedAt).toBeLessThan(5_000);
  });
});
