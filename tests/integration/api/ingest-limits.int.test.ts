/**
 * ingestArticle refuses what the ingest limits refuse (src/ingest/ingest-limits.ts) with
 * BAD_USER_INPUT naming the place, answers small whatever the document, and leaves the
 * graph exactly as it was.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { articleDoc, type ArticleBuilder } from '../../fixtures/article-builder.ts';
import { graphCounts } from '../helpers/test-db.ts';
import { API_TOKEN, firstError, openApi, type GraphQLBody } from './harness.ts';

const api = await openApi();

const INGEST = `mutation Ingest($document: JSON!) { ingestArticle(document: $document) { outcome entitiesCreated relationsWritten } }`;

let before: Record<string, number>;
beforeEach(async () => {
  before = await graphCounts(api.db);
});

async function ingest(document: unknown): Promise<{ status: number; body: GraphQLBody; bytes: number }> {
  const response = await api.app.yoga.fetch('http://api.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${API_TOKEN}` },
    body: JSON.stringify({ query: INGEST, variables: { document } }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as GraphQLBody, bytes: Buffer.byteLength(text) };
}

async function expectRefused(document: unknown) {
  const result = await ingest(document);
  expect(result.status).toBeLessThan(500);
  const error = firstError(result.body);
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  expect(await graphCounts(api.db)).toEqual(before);
  return { ...result, error };
}

function withEntities(count: number, id = 'limits-test'): ArticleBuilder {
  const doc = articleDoc(id);
  for (let index = 0; index < count; index += 1) doc.add('Group', `limits-group-${index}`);
  return doc;
}

describe('caps on a document sent to ingestArticle', () => {
  test('more than 2,000 entities: refused on the count alone, graph unchanged', async () => {
    const { error } = await expectRefused(withEntities(2_001).build());
    expect(error.extensions).toMatchObject({
      field: 'document.entities',
      reason: 'expected at most 2,000 entities, received 2,001',
    });
    expect(error.extensions.issues).toHaveLength(1);
  });

  test('100,000 entities: refused by size at once, instead of running Neo4j out of memory', async () => {
    const startedAt = performance.now();
    const { error } = await expectRefused(withEntities(100_000).build());
    expect(error.extensions.field).toBe('document');
    expect(error.extensions.reason).toMatch(
      /^expected a document of at most 2,097,152 bytes as compact JSON, received [\d,]+ bytes$/,
    );
    expect(performance.now() - startedAt).toBeLessThan(10_000);
  });

  test('more than 10,000 relations: refused on the count', async () => {
    const doc = withEntities(2);
    for (let index = 0; index < 10_001; index += 1)
      doc.relation('FIGHTS', 'limits-group-0', 'limits-group-1', { quote: `q${index}` });
    const { error } = await expectRefused(doc.build());
    expect(error.extensions).toMatchObject({
      field: 'document.relations',
      reason: 'expected at most 10,000 relations, received 10,001',
    });
  });

  test('a free text over its cap is refused with its path', async () => {
    const { error } = await expectRefused(
      withEntities(1)
        .add('Statement', 'limits-statement', { summary: 's'.repeat(5_001) })
        .build(),
    );
    expect(error.extensions.field).toBe('document.entities[1].summary');
  });
});

describe('nesting', () => {
  test('a document nested 100,000 deep (too deep for JSON.stringify) is refused, not a 5xx', async () => {
    const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const document = `{"formatVersion":1,"article":{"id":"deep","title":"t","publishedAt":"2024"},"entities":[],"relations":[],"extra":${deep}}`;
    const response = await api.app.yoga.fetch('http://api.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${API_TOKEN}` },
      body: `{"query":${JSON.stringify(INGEST)},"variables":{"document":${document}}}`,
    });
    expect(response.status).toBeLessThan(500);
    expect(firstError((await response.json()) as GraphQLBody).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'document',
    });
    expect(await graphCounts(api.db)).toEqual(before);
  });
});

describe('the error report is capped', () => {
  test('an invalid document with 1,900 problems lists 100, counts the rest, and answers in a few kilobytes', async () => {
    const doc = articleDoc('limits-report');
    for (let index = 0; index < 1_900; index += 1) doc.entity({ id: `e-${index}`, type: 'Nation', name: `E ${index}` });
    const { error, bytes } = await expectRefused(doc.build());
    expect(error.extensions.issues).toHaveLength(100);
    expect(error.extensions.moreIssues).toBe(1_800);
    expect(error.message.endsWith('; … and 1,800 more problems')).toBe(true);
    expect(bytes).toBeLessThan(64 * 1024);
  });
});

describe('characters', () => {
  test('NUL is refused with the field, not stored', async () => {
    const { error } = await expectRefused(
      withEntities(1).add('State', 'limits-state', { name: 'Null\u0000land' }).build(),
    );
    expect(error.extensions).toMatchObject({
      field: 'document.entities[1].name',
      reason: 'expected one line of text without control characters; found U+0000 (NUL) at character 5',
    });
  });

  test('an unpaired surrogate is refused with the field, not turned into U+FFFD', async () => {
    const { error } = await expectRefused(withEntities(1).article({ title: 'Broken \uD800 title' }).build());
    expect(error.extensions).toMatchObject({
      field: 'document.article.title',
      reason: 'expected well-formed Unicode text; found an unpaired surrogate U+D800 at character 8',
    });
  });

  test('line breaks in the article text are kept', async () => {
    const text = 'First paragraph.\n\nSecond\tparagraph: the limits group 0 fights the limits group 1.';
    const doc = withEntities(2, 'limits-line-breaks')
      .article({ text })
      .claim('FIGHTS', 'limits-group-0', 'limits-group-1', { quote: 'the limits group 0 fights' });
    const { body } = await ingest(doc.build());
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestArticle).toMatchObject({ outcome: 'created', relationsWritten: 1 });
  });
});
