import { describe, expect, test } from 'vitest';
import { ARTICLE_ID, OLDER_ARTICLE_ID } from './fixture.ts';
import { firstError, openApi } from './harness.ts';

const api = await openApi();

const STATEMENT = 'quadrilateral-joint-statement-2024-09';
const MEETING = 'quadrilateral-meeting-2024-09-unga';

describe('entity', () => {
  test('by id, with its type-specific fields', async () => {
    const data = await api.data(`{
      pakistan: entity(id: "pakistan") { __typename id type name aliases wikidata ... on State { iso3 } }
      ttp: entity(id: "tehrik-i-taliban-pakistan") { type name aliases ... on Group { category } }
      author: entity(id: "andrew-korybko") { type ... on Person { role } }
    }`);
    expect(data).toEqual({
      pakistan: {
        __typename: 'State',
        id: 'pakistan',
        type: 'STATE',
        name: 'Pakistan',
        aliases: ['Islamabad'],
        wikidata: 'Q843',
        iso3: 'PAK',
      },
      ttp: {
        type: 'GROUP',
        name: 'Tehrik-i-Taliban Pakistan',
        aliases: ['Pakistani Taliban', 'TTP'],
        category: 'militant',
      },
      author: { type: 'PERSON', role: 'political analyst' },
    });
  });

  test('an id that entity resolution merged returns the canonical entity', async () => {
    const data = await api.data(`{ entity(id: "iskp") { id name } }`);
    expect(data.entity).toEqual({ id: 'islamic-state-khorasan-province', name: 'Islamic State Khorasan Province' });
  });

  test('an unknown id is null', async () => {
    expect((await api.data(`{ entity(id: "atlantis") { id } }`)).entity).toBeNull();
  });

  test('a Meeting: date, location, attendees and the statements it issued', async () => {
    const data = await api.data(`{ entity(id: "${MEETING}") {
      ... on Meeting { date location attendees { id } statements { id } }
    } }`);
    expect(data.entity).toEqual({
      date: '2024-09',
      location: 'New York, on the sidelines of the UNGA',
      attendees: [{ id: 'china' }, { id: 'iran' }, { id: 'pakistan' }, { id: 'russia' }],
      statements: [{ id: STATEMENT }],
    });
  });

  test('a Statement: who issued it and what it claims', async () => {
    const data = await api.data(`{ entity(id: "${STATEMENT}") {
      ... on Statement {
        date summary
        issuedBy { id type }
        claims { type target { id } evidence { demand } }
        blames: claims(types: [BLAMES, ATTENDED]) { type target { id } }
      }
    } }`);
    expect(data.entity.date).toBe('2024-09-27');
    expect(data.entity.issuedBy).toEqual([
      { id: 'china', type: 'STATE' },
      { id: 'iran', type: 'STATE' },
      { id: 'pakistan', type: 'STATE' },
      { id: 'russia', type: 'STATE' },
      { id: MEETING, type: 'MEETING' },
    ]);
    expect(
      data.entity.claims.map((c: { type: string; target: { id: string } }) => `${c.type} ${c.target.id}`).sort(),
    ).toEqual(['BLAMES nato', 'CALLS_ON taliban', 'CRITICIZES taliban']);
    expect(data.entity.blames).toEqual([{ type: 'BLAMES', target: { id: 'nato' } }]);
  });

  test('a Person: the articles they wrote', async () => {
    const data = await api.data(`{ entity(id: "andrew-korybko") { ... on Person { authored { id } } } }`);
    expect(data.entity.authored).toEqual([{ id: ARTICLE_ID }]);
  });
});

describe('Entity.relations', () => {
  const relationsOf = async (args: string) => {
    const data = await api.data(
      `{ entity(id: "pakistan") { relations${args ? `(${args})` : ''} { type source { id } target { id } via { id } articleCount } } }`,
    );
    return (
      data.entity.relations as Array<{
        type: string;
        source: { id: string };
        target: { id: string };
        via: { id: string } | null;
        articleCount: number;
      }>
    ).map((r) => `${r.source.id} ${r.type} ${r.target.id}${r.via ? ' via' : ''} ${r.articleCount}`);
  };

  test('both directions by default, most-supported first, then by type, source and target', async () => {
    expect(await relationsOf('')).toEqual([
      'tehrik-i-taliban-pakistan OPERATES_IN pakistan 2',
      'pakistan ATTENDED quadrilateral-meeting-2024-09-unga 1',
      'pakistan BLAMES taliban 1',
      'pakistan CRITICIZES taliban 1',
      `pakistan ISSUED ${STATEMENT} 1`,
      'balochistan-liberation-army OPERATES_IN pakistan 1',
      'china SUPPORTS pakistan 1',
      'pakistan THREATENS taliban 1',
    ]);
  });

  test('direction, types, first and includeStatements', async () => {
    expect(await relationsOf('direction: IN')).toEqual([
      'tehrik-i-taliban-pakistan OPERATES_IN pakistan 2',
      'balochistan-liberation-army OPERATES_IN pakistan 1',
      'china SUPPORTS pakistan 1',
    ]);
    expect(await relationsOf('direction: OUT, types: [CRITICIZES, BLAMES]')).toEqual([
      'pakistan BLAMES taliban 1',
      'pakistan CRITICIZES taliban 1',
    ]);
    expect(await relationsOf('direction: OUT, types: [CRITICIZES, CALLS_ON], includeStatements: true')).toEqual([
      'pakistan CALLS_ON taliban via 1',
      'pakistan CRITICIZES taliban 1',
      'pakistan CRITICIZES taliban via 1',
    ]);
    expect(await relationsOf('first: 2')).toHaveLength(2);
  });

  test('first above the cap is BAD_USER_INPUT', async () => {
    const { body } = await api.gql(`{ entity(id: "pakistan") { relations(first: 201) { type } } }`);
    expect(firstError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  test('articles that mention an entity, newest first', async () => {
    const data = await api.data(
      `{ entity(id: "taliban") { articles { id publishedAt } one: articles(first: 1) { id } } }`,
    );
    expect(data.entity.articles).toEqual([
      { id: ARTICLE_ID, publishedAt: '2024-10-03' },
      { id: OLDER_ARTICLE_ID, publishedAt: '2023-05' },
    ]);
    expect(data.entity.one).toEqual([{ id: ARTICLE_ID }]);
  });
});

describe('article', () => {
  test('metadata, authors, the entities it mentions and the relations it supports, in its order', async () => {
    const data = await api.data(`{ article(id: "${OLDER_ARTICLE_ID}") {
      id title url publisher publishedAt language
      authors { id name }
      entities { id }
      relations { type source { id } target { id } articleCount evidence { quote article { id } } }
    } }`);
    expect(data.article).toMatchObject({
      id: OLDER_ARTICLE_ID,
      title: 'Border tensions between Pakistan and Afghanistan',
      url: null,
      publisher: 'Fixture Wire',
      publishedAt: '2023-05',
      language: 'en',
      authors: [{ id: 'jane-doe', name: 'Jane Doe' }],
    });
    expect(data.article.entities.map((e: { id: string }) => e.id).sort()).toEqual(
      ['afghanistan', 'china', 'jane-doe', 'pakistan', 'taliban', 'tehrik-i-taliban-pakistan'].sort(),
    );
    expect(
      data.article.relations.map(
        (r: { type: string; source: { id: string }; target: { id: string } }) =>
          `${r.source.id} ${r.type} ${r.target.id}`,
      ),
    ).toEqual([
      'pakistan BLAMES taliban',
      'pakistan CRITICIZES taliban',
      'taliban SHELTERS tehrik-i-taliban-pakistan',
      'taliban SUPPORTS tehrik-i-taliban-pakistan',
      'china COOPERATES_WITH taliban',
      'tehrik-i-taliban-pakistan OPERATES_IN pakistan',
      'tehrik-i-taliban-pakistan OPERATES_IN afghanistan',
    ]);
    // Only this article's evidence, though the Taliban's sheltering of the TTP has two articles.
    const shelters = data.article.relations[2];
    expect(shelters.evidence).toEqual([
      { quote: 'the TTP finds refuge across the border', article: { id: OLDER_ARTICLE_ID } },
    ]);
    expect(shelters.articleCount).toBe(1);
  });

  test('an unknown article is null; articles lists the newest first', async () => {
    const data = await api.data(`{ article(id: "nope") { id } articles { id } }`);
    expect(data).toEqual({ article: null, articles: [{ id: ARTICLE_ID }, { id: OLDER_ARTICLE_ID }] });
  });
});
