import { describe, expect, it } from 'vitest';
import { ENTITY_COMMON_PROPS, ExtractedArticleSchema, entityTypeProps } from '../../src/domain/article.schema.ts';
import {
  ENTITY_TYPES,
  GROUP_CATEGORIES,
  MODALITIES,
  RELATION_TYPES,
  V1_ENTITY_TYPES,
  V1_RELATION_TYPES,
} from '../../src/domain/vocabulary.ts';
import { fromZodIssues } from '../../src/ingest/issues.ts';
import { articleDoc, articleDocV2, held } from '../fixtures/article-builder.ts';

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

  it.each([1, 2])('accepts formatVersion %s', (formatVersion) => {
    expect(schemaIssues(articleDoc().set({ formatVersion }).build())).toEqual([]);
  });

  it.each([
    [3, 'received 3'],
    ['2', 'received "2"'],
    [null, 'received null'],
  ])('refuses formatVersion %j, naming the versions there are', (formatVersion, received) => {
    expect(schemaIssues(articleDoc().set({ formatVersion }).build())).toEqual([
      issue('formatVersion', `expected formatVersion 1 or 2, ${received}`),
    ]);
  });

  it('requires formatVersion', () => {
    const { formatVersion: _version, ...doc } = articleDoc().build();
    expect(schemaIssues(doc)).toEqual([issue('formatVersion', 'expected formatVersion 1 or 2, but it is missing')]);
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
  it.each(V1_ENTITY_TYPES)('accepts an entity of type %s in version 1', (type) => {
    expect(schemaIssues(articleDoc().add(type, 'x').build())).toEqual([]);
  });

  it.each(ENTITY_TYPES)('accepts an entity of type %s in version 2', (type) => {
    expect(schemaIssues(articleDocV2().add(type, 'x').build())).toEqual([]);
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
    expect(ENTITY_COMMON_PROPS).toEqual(['description', 'wikidata', 'unnamed']);
    expect(Object.fromEntries(ENTITY_TYPES.map((type) => [type, entityTypeProps(type)]))).toEqual({
      State: ['iso3'],
      Group: ['category', 'sourceReliability'],
      Person: ['role', 'sourceReliability'],
      Meeting: ['date', 'location'],
      Statement: ['date', 'summary'],
      Place: ['placeType', 'latitude', 'longitude'],
      Event: ['kind', 'start', 'end', 'hypothetical'],
      Project: ['kind'],
      Collective: [],
    });
  });
});

describe('relations', () => {
  it.each(V1_RELATION_TYPES)('accepts the relation type %s in version 1', (type) => {
    const doc = articleDoc().relation(type, 'a', 'b').build();
    expect(schemaIssues(doc)).toEqual([]);
  });

  it.each(RELATION_TYPES)('accepts the relation type %s in version 2', (type) => {
    const doc = articleDocV2().relation(type, 'a', 'b').build();
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

  it("applies the defaults: modality asserted (the article's own voice asserts it), confidence 1", () => {
    const parsed = ExtractedArticleSchema.parse(withRelation({}));
    expect(parsed.relations[0]).toMatchObject({ attributions: [{ stance: 'asserts' }], confidence: 1 });
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

describe('version 2', () => {
  const claimV2 = (fields: Record<string, unknown>) =>
    articleDocV2()
      .add('State', 'a')
      .add('State', 'b')
      .relation('THREATENS', 'a', 'b', { quote: 'q', ...fields })
      .build();

  it("applies the defaults: positive, the article's own voice asserting, unconditional, body", () => {
    const parsed = ExtractedArticleSchema.parse(claimV2({}));
    expect(parsed.formatVersion).toBe(2);
    expect(parsed.relations[0]).toEqual({
      type: 'THREATENS',
      source: 'a',
      target: 'b',
      quote: 'q',
      confidence: 1,
      polarity: 'positive',
      attributions: [{ stance: 'asserts' }],
      hypothetical: false,
      ended: false,
      section: 'body',
    });
  });

  it('accepts every field version 2 adds to a relation', () => {
    const doc = claimV2({
      polarity: 'negative',
      attributions: [held(null, 'infers'), held('a', 'believes', 0), held('b', 'suspects', 0)],
      condition: 'if b resorts to military means',
      hypothetical: true,
      validFrom: '2024',
      validTo: '2024-09',
      ended: true,
      credibility: 3,
      section: 'quoted-speech',
    });
    expect(schemaIssues(doc)).toEqual([]);
  });

  it('accepts every field version 2 adds to the article and its entities', () => {
    const doc = articleDocV2()
      .article({ copyright: '© Global Research, 2024', publisherId: 'global-research', sourceReliability: 'C' })
      .add('Group', 'global-research', { category: 'media', sourceReliability: 'D' })
      .add('Person', 'korybko', { sourceReliability: 'F' })
      .add('Group', 'terrorists-in-balochistan', { unnamed: true, description: 'Taliban-backed terrorists' })
      .add('Place', 'balochistan', { placeType: 'province', latitude: 28.5, longitude: 65.1, wikidata: 'Q163239' })
      .add('Event', 'strikes', { kind: 'strike', start: '2024-03', end: '2024-03-18', hypothetical: true })
      .add('Project', 'cpec', { kind: 'infrastructure' })
      .add('Collective', 'the-four')
      .build();
    expect(schemaIssues(doc)).toEqual([]);
  });

  it('refuses a relation without any attribution', () => {
    expect(schemaIssues(claimV2({ attributions: [] }))).toEqual([
      issue('relations[0].attributions', 'expected at least one attribution, received an array'),
    ]);
  });

  it.each(['claims', 'reckons'])('refuses the stance %j, listing the stances', (stance) => {
    expect(schemaIssues(claimV2({ attributions: [{ stance }] }))).toEqual([
      issue(
        'relations[0].attributions[0].stance',
        expect.stringMatching(/^expected one of "asserts", .*"denies", received/),
      ),
    ]);
  });

  it('refuses a reportedBy that is not an earlier attribution', () => {
    expect(schemaIssues(claimV2({ attributions: [held('a', 'asserts', 0)] }))).toEqual([
      issue(
        'relations[0].attributions[0].reportedBy',
        'expected no reportedBy on the first attribution: only an earlier attribution can report one, received 0',
      ),
    ]);
    expect(schemaIssues(claimV2({ attributions: [held(null, 'infers'), held('a', 'believes', 1)] }))).toEqual([
      issue(
        'relations[0].attributions[1].reportedBy',
        'expected 0, the index of the one earlier attribution of this relation, received 1',
      ),
    ]);
    expect(
      schemaIssues(claimV2({ attributions: [held(null, 'infers'), held('a', 'believes'), held('b', 'suspects', 5)] })),
    ).toEqual([
      issue(
        'relations[0].attributions[2].reportedBy',
        'expected the index of an earlier attribution of this relation, 0 to 1, received 5',
      ),
    ]);
  });

  it.each([0, 7, 2.5])('refuses the credibility %s: Admiralty 1 to 6', (credibility) => {
    expect(schemaIssues(claimV2({ credibility }))).toEqual([
      issue(
        'relations[0].credibility',
        `expected an Admiralty credibility: an integer from 1 (confirmed) to 6 (cannot be judged), received ${credibility}`,
      ),
    ]);
  });

  it('refuses a source reliability outside A to F', () => {
    expect(schemaIssues(articleDocV2().article({ sourceReliability: 'G' }).build())).toEqual([
      issue('article.sourceReliability', 'expected one of "A", "B", "C", "D", "E" or "F", received "G"'),
    ]);
  });

  it('refuses a validTo before validFrom', () => {
    expect(schemaIssues(claimV2({ validFrom: '2024-09', validTo: '2024-08-31' }))).toEqual([
      issue('relations[0].validTo', 'expected a validTo no earlier than validFrom (2024-09), received "2024-08-31"'),
    ]);
  });

  it('accepts a validTo in the month validFrom names', () => {
    expect(schemaIssues(claimV2({ validFrom: '2024-09-27', validTo: '2024-09' }))).toEqual([]);
  });

  it.each([
    [{ latitude: 30 }, 'longitude'],
    [{ longitude: 70 }, 'latitude'],
  ])('refuses a Place with one coordinate of the pair (%j)', (coordinates, missing) => {
    expect(schemaIssues(articleDocV2().add('Place', 'p', coordinates).build())).toEqual([
      issue(`entities[0].${missing}`, `expected a ${missing} too: coordinates come in pairs, but it is missing`),
    ]);
  });

  it('refuses coordinates off the globe', () => {
    expect(schemaIssues(articleDocV2().add('Place', 'p', { latitude: 91, longitude: 181 }).build())).toEqual([
      issue('entities[0].latitude', 'expected a latitude: a number from -90 to 90, received 91'),
      issue('entities[0].longitude', 'expected a longitude: a number from -180 to 180, received 181'),
    ]);
  });

  it('refuses an Event that ends before it starts', () => {
    expect(schemaIssues(articleDocV2().add('Event', 'e', { start: '2024-09', end: '2024-08' }).build())).toEqual([
      issue('entities[0].end', 'expected an end no earlier than start (2024-09), received "2024-08"'),
    ]);
  });

  it('refuses a source reliability on a State: only Groups and Persons are rated as sources', () => {
    expect(schemaIssues(articleDocV2().add('State', 's', { sourceReliability: 'B' }).build())).toEqual([
      issue('entities[0]', 'unknown key "sourceReliability": expected only the keys the format defines here'),
    ]);
  });

  it("refuses version 2's types in a version 1 file", () => {
    expect(schemaIssues(articleDoc().add('Place', 'p').build())).toEqual([
      issue(
        'entities[0].type',
        'expected one of "State", "Group", "Person", "Meeting" or "Statement", received "Place"',
      ),
    ]);
  });
});
