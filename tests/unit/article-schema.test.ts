import { describe, expect, it } from 'vitest';
import { ENTITY_COMMON_PROPS, ExtractedArticleSchema, entityTypeProps } from '../../src/domain/article.schema.ts';
import { ENTITY_TYPES, GROUP_CATEGORIES, MODALITIES, RELATION_TYPES } from '../../src/domain/vocabulary.ts';
import { fromZodIssues } from '../../src/ingest/issues.ts';
import { articleDoc } from '../fixtures/article-builder.ts';

const FILE = 'seed/a.json';

/** The schema's issues for a document, located and in plain words. */
function schemaIssues(doc: unknown) {
  const parsed = ExtractedArticleSchema.safeParse(doc, { reportInput: true });
  return parsed.success ? [] : fromZodIssues(FILE, parsed.error.issues);
}

const issue = (path: string, message: string) => ({ file: FILE, path, message });

const SLUG_MESSAGE = 'expected a slug: lower-case letters and digits joined by single hyphens, e.g. "pakistan-mofa"';
const DATE_MESSAGE = 'expected a date: YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time with Z or an offset';

const withState = (fields: Record<string, unknown>) => articleDoc().add('State', 'pakistan', fields).build();
const withRelation = (fields: Record<string, unknown>) =>
  articleDoc()
    .add('State', 'a')
    .add('State', 'b')
    .relation('THREATENS', 'a', 'b', { quote: 'q', ...fields })
    .build();

describe('the whole file', () => {
  it('accepts a minimal file', () => {
    expect(schemaIssues(articleDoc().build())).toEqual([]);
  });

  it('allows "$schema" at the top level for editors', () => {
    expect(schemaIssues(articleDoc().set({ $schema: '../schema/extracted-article.schema.json' }).build())).toEqual([]);
  });

  it('rejects an unknown top-level key', () => {
    expect(schemaIssues(articleDoc().set({ claims: [] }).build())).toEqual([
      issue('', 'unknown key "claims": expected only the keys the format defines here'),
    ]);
  });

  it('requires formatVersion 1', () => {
    expect(schemaIssues(articleDoc().set({ formatVersion: 2 }).build())).toEqual([
      issue('formatVersion', 'expected 1, received 2'),
    ]);
  });

  it('requires entities and relations', () => {
    const { entities: _e, relations: _r, ...doc } = articleDoc().build();
    expect(schemaIssues(doc)).toEqual([
      issue('entities', 'expected an array, but it is missing'),
      issue('relations', 'expected an array, but it is missing'),
    ]);
  });

  it('rejects a file that is not an object', () => {
    expect(schemaIssues([])).toEqual([issue('', 'expected an object, received an array')]);
  });
});

describe('article', () => {
  it('rejects an unknown key', () => {
    expect(schemaIssues(articleDoc().article({ author: 'x' }).build())).toEqual([
      issue('article', 'unknown key "author": expected only the keys the format defines here'),
    ]);
  });

  it('requires id, title and publishedAt', () => {
    const doc = articleDoc().article({ id: undefined, title: undefined, publishedAt: undefined }).build();
    expect(schemaIssues(doc)).toEqual([
      issue('article.id', `${SLUG_MESSAGE}, but it is missing`),
      issue('article.title', 'expected a title of 1 to 500 characters, but it is missing'),
      issue('article.publishedAt', `${DATE_MESSAGE}, but it is missing`),
    ]);
  });

  it.each(['Dawn-2024', 'dawn_2024', '-dawn', 'dawn-', 'dawn--2024', 'dawn 2024', 'dawń'])(
    'rejects the slug %j',
    (id) => {
      expect(schemaIssues(articleDoc().article({ id }).build())).toEqual([
        issue('article.id', `${SLUG_MESSAGE}, received ${JSON.stringify(id)}`),
      ]);
    },
  );

  it('accepts a slug of 120 characters and rejects one of 121', () => {
    expect(
      schemaIssues(
        articleDoc()
          .article({ id: 'a'.repeat(120) })
          .build(),
      ),
    ).toEqual([]);
    expect(
      schemaIssues(
        articleDoc()
          .article({ id: 'a'.repeat(121) })
          .build(),
      ),
    ).toEqual([issue('article.id', `expected a slug of at most 120 characters, received "${'a'.repeat(80)}…"`)]);
  });

  it('accepts a title of 500 characters and rejects an empty one or one of 501', () => {
    expect(
      schemaIssues(
        articleDoc()
          .article({ title: 't'.repeat(500) })
          .build(),
      ),
    ).toEqual([]);
    expect(schemaIssues(articleDoc().article({ title: '' }).build())).toEqual([
      issue('article.title', 'expected a title of 1 to 500 characters, received ""'),
    ]);
    expect(
      schemaIssues(
        articleDoc()
          .article({ title: 't'.repeat(501) })
          .build(),
      ),
    ).toHaveLength(1);
  });

  it.each(['2024', '2024-09', '2024-09-17', '2024-09-17T08:00:00+05:00'])('accepts publishedAt %s', (publishedAt) => {
    expect(schemaIssues(articleDoc().article({ publishedAt }).build())).toEqual([]);
  });

  it('rejects a publishedAt of the wrong shape', () => {
    expect(schemaIssues(articleDoc().article({ publishedAt: '17/09/2024' }).build())).toEqual([
      issue('article.publishedAt', `${DATE_MESSAGE}, received "17/09/2024"`),
    ]);
  });

  it('rejects a publishedAt that does not exist in the calendar', () => {
    expect(schemaIssues(articleDoc().article({ publishedAt: '2024-02-30' }).build())).toEqual([
      issue('article.publishedAt', 'expected a date that exists in the calendar, received "2024-02-30"'),
    ]);
  });

  it('rejects a number as publishedAt', () => {
    expect(schemaIssues(articleDoc().article({ publishedAt: 2024 }).build())).toEqual([
      issue('article.publishedAt', `${DATE_MESSAGE}, received 2024`),
    ]);
  });

  it.each(['https://www.dawn.com/news/1', 'http://example.org/a?b=c#d'])('accepts the url %s', (url) => {
    expect(schemaIssues(articleDoc().article({ url }).build())).toEqual([]);
  });

  it.each(['ftp://example.org/a', '/news/1', 'www.dawn.com/news', 'javascript:alert(1)', 'http:dawn'])(
    'rejects the url %s: absolute http(s) only',
    (url) => {
      expect(schemaIssues(articleDoc().article({ url }).build())).toEqual([
        issue(
          'article.url',
          `expected an absolute http(s) URL such as "https://example.org/news/1", received ${JSON.stringify(url)}`,
        ),
      ]);
    },
  );

  it.each(['en', 'ur-PK', 'zh-Hant-TW', 'es-419', 'de-CH-1901'])('accepts the language tag %s', (language) => {
    expect(schemaIssues(articleDoc().article({ language }).build())).toEqual([]);
  });

  it.each(['english', 'e', 'en_US', 'en-'])('rejects the language tag %s', (language) => {
    expect(schemaIssues(articleDoc().article({ language }).build())).toEqual([
      issue(
        'article.language',
        `expected a BCP 47 language tag such as "en" or "ur-PK", received ${JSON.stringify(language)}`,
      ),
    ]);
  });

  it('rejects an author id that is not a slug', () => {
    expect(
      schemaIssues(
        articleDoc()
          .article({ authors: ['ok', 'Not Ok'] })
          .build(),
      ),
    ).toEqual([issue('article.authors[1]', `${SLUG_MESSAGE}, received "Not Ok"`)]);
  });
});

describe('entities', () => {
  it.each(ENTITY_TYPES)('accepts an entity of type %s', (type) => {
    expect(schemaIssues(articleDoc().add(type, 'x').build())).toEqual([]);
  });

  it('rejects an unknown entity type, listing the vocabulary', () => {
    expect(schemaIssues(articleDoc().entity({ id: 'x', type: 'Country', name: 'X' }).build())).toEqual([
      issue(
        'entities[0].type',
        `expected one of ${'"State", "Group", "Person", "Meeting" or "Statement"'}, received "Country"`,
      ),
    ]);
  });

  it('rejects an entity without a type', () => {
    expect(schemaIssues(articleDoc().entity({ id: 'x', name: 'X' }).build())).toEqual([
      issue(
        'entities[0].type',
        'expected one of "State", "Group", "Person", "Meeting" or "Statement", but it is missing',
      ),
    ]);
  });

  it('rejects an unknown key on an entity', () => {
    expect(schemaIssues(withState({ capital: 'Islamabad' }))).toEqual([
      issue('entities[0]', 'unknown key "capital": expected only the keys the format defines here'),
    ]);
  });

  it("rejects another type's field: iso3 belongs to State, not Group", () => {
    expect(schemaIssues(articleDoc().add('Group', 'ttp', { iso3: 'PAK' }).build())).toEqual([
      issue('entities[0]', 'unknown key "iso3": expected only the keys the format defines here'),
    ]);
  });

  it('requires a date for a Meeting', () => {
    expect(
      schemaIssues(articleDoc().entity({ id: 'sco-summit', type: 'Meeting', name: 'SCO summit' }).build()),
    ).toEqual([issue('entities[0].date', `${DATE_MESSAGE}, but it is missing`)]);
  });

  it('does not require a date for a Statement', () => {
    expect(schemaIssues(articleDoc().entity({ id: 's', type: 'Statement', name: 'S' }).build())).toEqual([]);
  });

  it('accepts every field the format defines for each type', () => {
    const doc = articleDoc()
      .add('State', 'pakistan', {
        iso3: 'PAK',
        wikidata: 'Q843',
        description: 'd',
        aliases: ['Islamic Republic of Pakistan'],
      })
      .add('Group', 'ttp', { category: 'militant' })
      .add('Person', 'dar', { role: 'Foreign Minister' })
      .add('Meeting', 'summit', { date: '2024-10-15', location: 'Islamabad' })
      .add('Statement', 'communique', { date: '2024-10-16', summary: 's' })
      .build();
    expect(schemaIssues(doc)).toEqual([]);
  });

  it.each(GROUP_CATEGORIES)('accepts the group category %s', (category) => {
    expect(schemaIssues(articleDoc().add('Group', 'g', { category }).build())).toEqual([]);
  });

  it('rejects a group category outside the list', () => {
    expect(schemaIssues(articleDoc().add('Group', 'g', { category: 'terrorist' }).build())).toEqual([
      issue(
        'entities[0].category',
        'expected one of "government", "militant", "alliance", "intergovernmental", "political", "media" or "other", received "terrorist"',
      ),
    ]);
  });

  it.each(['PK', 'pak', 'PAKI'])('rejects the iso3 %s', (iso3) => {
    expect(schemaIssues(withState({ iso3 }))).toEqual([
      issue('entities[0].iso3', `expected an ISO 3166-1 alpha-3 code such as "PAK", received ${JSON.stringify(iso3)}`),
    ]);
  });

  it.each(['Q0', 'q843', 'Q843a', 'P31', 'Q'])('rejects the wikidata id %s', (wikidata) => {
    expect(schemaIssues(withState({ wikidata }))).toEqual([
      issue('entities[0].wikidata', `expected a Wikidata item id such as "Q843", received ${JSON.stringify(wikidata)}`),
    ]);
  });

  it('accepts a name of 300 characters and rejects one of 301', () => {
    expect(schemaIssues(withState({ name: 'n'.repeat(300) }))).toEqual([]);
    expect(schemaIssues(withState({ name: 'n'.repeat(301) }))).toEqual([
      issue('entities[0].name', `expected a name of 1 to 300 characters, received "${'n'.repeat(80)}…"`),
    ]);
  });

  it('rejects aliases that are not strings', () => {
    expect(schemaIssues(withState({ aliases: ['Pak', 7] }))).toEqual([
      issue('entities[0].aliases[1]', 'expected an alias of 1 to 300 characters, received 7'),
    ]);
  });

  it('derives the type-specific properties from the schema', () => {
    expect(ENTITY_COMMON_PROPS).toEqual(['description', 'wikidata']);
    expect(Object.fromEntries(ENTITY_TYPES.map((type) => [type, entityTypeProps(type)]))).toEqual({
      State: ['iso3'],
      Group: ['category'],
      Person: ['role'],
      Meeting: ['date', 'location'],
      Statement: ['date', 'summary'],
    });
  });
});

describe('relations', () => {
  it.each(RELATION_TYPES)('accepts the relation type %s', (type) => {
    const doc = articleDoc().relation(type, 'a', 'b').build();
    expect(schemaIssues(doc)).toEqual([]);
  });

  it('rejects a relation type outside the vocabulary', () => {
    const [found] = schemaIssues(articleDoc().relation('HATES', 'a', 'b').build());
    expect(found).toEqual(
      issue(
        'relations[0].type',
        expect.stringMatching(/^expected one of "CRITICIZES", .* or "OPERATES_IN", received "HATES"$/),
      ),
    );
  });

  it('rejects an unknown key on a relation', () => {
    expect(schemaIssues(withRelation({ evidence: 'q' }))).toEqual([
      issue('relations[0]', 'unknown key "evidence": expected only the keys the format defines here'),
    ]);
  });

  it('rejects endpoints that are not slugs', () => {
    expect(schemaIssues(articleDoc().relation('THREATENS', 'Pakistan', 'b', { quote: 'q' }).build())).toEqual([
      issue('relations[0].source', `${SLUG_MESSAGE}, received "Pakistan"`),
    ]);
  });

  it('applies the defaults: modality asserted, confidence 1', () => {
    const parsed = ExtractedArticleSchema.parse(withRelation({}));
    expect(parsed.relations[0]).toMatchObject({ modality: 'asserted', confidence: 1 });
  });

  it.each(MODALITIES)('accepts the modality %s', (modality) => {
    expect(schemaIssues(withRelation({ modality }))).toEqual([]);
  });

  it('rejects a modality outside the list', () => {
    expect(schemaIssues(withRelation({ modality: 'rumoured' }))).toEqual([
      issue(
        'relations[0].modality',
        'expected one of "asserted", "alleged", "implied", "denied" or "speculated", received "rumoured"',
      ),
    ]);
  });

  it.each([0.01, 0.5, 1])('accepts the confidence %s', (confidence) => {
    expect(schemaIssues(withRelation({ confidence }))).toEqual([]);
  });

  it.each([0, -0.5, 1.01, 100])('rejects the confidence %s: 0 < c <= 1', (confidence) => {
    expect(schemaIssues(withRelation({ confidence }))).toEqual([
      issue('relations[0].confidence', `expected a number greater than 0 and at most 1, received ${confidence}`),
    ]);
  });

  it('rejects a confidence given as a string', () => {
    expect(schemaIssues(withRelation({ confidence: '0.5' }))).toEqual([
      issue('relations[0].confidence', 'expected a number, received "0.5"'),
    ]);
  });

  it('accepts a quote of 600 characters and rejects one of 601 or an empty one', () => {
    expect(schemaIssues(withRelation({ quote: 'q'.repeat(600) }))).toEqual([]);
    expect(schemaIssues(withRelation({ quote: 'q'.repeat(601) }))).toHaveLength(1);
    expect(schemaIssues(withRelation({ quote: '' }))).toEqual([
      issue('relations[0].quote', 'expected a quote of 1 to 600 characters, received ""'),
    ]);
  });

  it('accepts a demand of 500 characters and rejects one of 501', () => {
    expect(schemaIssues(withRelation({ demand: 'd'.repeat(500) }))).toEqual([]);
    expect(schemaIssues(withRelation({ demand: 'd'.repeat(501) }))).toEqual([
      issue('relations[0].demand', `expected a demand of 1 to 500 characters, received "${'d'.repeat(80)}…"`),
    ]);
  });

  it('rejects a relation date that does not exist', () => {
    expect(schemaIssues(withRelation({ date: '2024-13' }))).toEqual([
      issue('relations[0].date', `${DATE_MESSAGE}, received "2024-13"`),
    ]);
  });

  it('rejects an attributedTo that is not a slug', () => {
    expect(schemaIssues(withRelation({ attributedTo: 'The Pentagon' }))).toEqual([
      issue('relations[0].attributedTo', `${SLUG_MESSAGE}, received "The Pentagon"`),
    ]);
  });
});

describe('values are data', () => {
  it("accepts hostile strings like x'}) MATCH (n) DETACH DELETE n // literally", () => {
    const hostile = "x'}) MATCH (n) DETACH DELETE n //";
    const doc = articleDoc()
      .article({ title: hostile, publisher: hostile, text: hostile })
      .add('Group', 'g', { name: hostile, aliases: [hostile, '$where', '__proto__'], description: hostile })
      .add('State', 's')
      .relation('OPERATES_IN', 'g', 's', { quote: hostile, note: hostile })
      .build();
    const parsed = ExtractedArticleSchema.parse(doc);
    expect(parsed.entities[0]?.name).toBe(hostile);
    expect(parsed.relations[0]?.quote).toBe(hostile);
  });
});
