import { describe, expect, test } from 'vitest';
import { ARTICLE_ID, OLDER_ARTICLE_ID } from './fixture.ts';
import { firstError, openApi } from './harness.ts';

const api = await openApi();

const STATEMENT = 'quadrilateral-joint-statement-2024-09';

interface EventView {
  date: string;
  relation: { type: string; source: { id: string }; target: { id: string }; via: { id: string } | null };
  evidence: { quote: string; article: { id: string } };
}
const event = (e: EventView) =>
  `${e.date} ${e.relation.source.id} ${e.relation.type} ${e.relation.target.id}${e.relation.via ? ' via statement' : ''}`;
const EVENT_FIELDS = 'date relation { type source { id } target { id } via { id } } evidence { quote article { id } }';

describe('dyad', () => {
  test('everything between two actors, both directions, statements they issued included, over time', async () => {
    const data = await api.data(`{ dyad(a: "pakistan", b: "taliban") {
      a { id } b { id } articleCount firstSeen lastSeen
      relations { type source { id } target { id } via { id } }
      timeline { ${EVENT_FIELDS} }
    } }`);
    const { dyad } = data;
    expect([dyad.a.id, dyad.b.id, dyad.articleCount, dyad.firstSeen, dyad.lastSeen]).toEqual([
      'pakistan',
      'taliban',
      2,
      '2023-05-10',
      '2024-10-03',
    ]);
    expect(dyad.timeline.map(event)).toEqual([
      '2023-05-10 pakistan BLAMES taliban',
      '2023-05-11 pakistan CRITICIZES taliban',
      '2024-09-27 pakistan CRITICIZES taliban via statement',
      '2024-09-27 pakistan CALLS_ON taliban via statement',
      '2024-09-27 pakistan CALLS_ON taliban via statement',
      '2024-10-03 pakistan THREATENS taliban',
    ]);
    expect(dyad.timeline[0].evidence.article.id).toBe(OLDER_ARTICLE_ID);
    expect(dyad.relations).toHaveLength(5);
  });

  test('the other direction counts too; includeStatements: false leaves statements out', async () => {
    const data = await api.data(`{
      reversed: dyad(a: "tehrik-i-taliban-pakistan", b: "taliban") { relations { type source { id } target { id } } }
      direct: dyad(a: "pakistan", b: "taliban", includeStatements: false, types: [CRITICIZES, CALLS_ON]) { relations { type via { id } } }
    }`);
    expect(
      data.reversed.relations.map((r: { type: string; source: { id: string } }) => `${r.source.id} ${r.type}`),
      // The Taliban SUPPORTS the TTP only in a denied claim: no relation (evidence model v2).
    ).toEqual(['taliban SHELTERS']);
    expect(data.direct.relations).toEqual([{ type: 'CRITICIZES', via: null }]);
  });

  test('an unknown actor is NOT_FOUND', async () => {
    const { body } = await api.gql(`{ dyad(a: "pakistan", b: "atlantis") { articleCount } }`);
    expect(firstError(body).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'b' });
  });
});

describe('ranking', () => {
  const RANKING = (args: string) => `{ ranking(${args}) { entity { id } articleCount claimCount counterpartCount } }`;
  const rows = async (args: string) =>
    (
      (await api.data(RANKING(args))).ranking as Array<{
        entity: { id: string };
        articleCount: number;
        claimCount: number;
        counterpartCount: number;
      }>
    ).map((r) => [r.entity.id, r.articleCount, r.claimCount, r.counterpartCount]);

  test('the most-sheltered, by distinct articles', async () => {
    expect(await rows('type: SHELTERS')).toEqual([
      ['tehrik-i-taliban-pakistan', 2, 2, 1],
      ['balochistan-liberation-army', 1, 1, 1],
    ]);
  });

  test('the most active critics; with statements, their issuers count', async () => {
    expect(await rows('type: CRITICIZES, role: SOURCE')).toEqual([
      ['pakistan', 1, 1, 1],
      [STATEMENT, 1, 1, 1],
    ]);
    expect((await rows('type: CRITICIZES, role: SOURCE, includeStatements: true')).map(([id]) => id)).toEqual([
      'pakistan', // two articles: its own criticism and the statement's
      'china',
      'iran',
      STATEMENT,
      'russia',
    ]);
  });

  test('the most criticized: counterparts include the statement and its issuers', async () => {
    expect(await rows('type: CRITICIZES, includeStatements: true')).toEqual([['taliban', 2, 2, 5]]);
  });

  test('since/until and first', async () => {
    expect(await rows('type: CRITICIZES, role: SOURCE, since: "2024"')).toEqual([[STATEMENT, 1, 1, 1]]);
    expect(await rows('type: CRITICIZES, role: SOURCE, first: 1')).toHaveLength(1);
    const { body } = await api.gql(RANKING('type: CRITICIZES, first: 101'));
    expect(firstError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('timeline', () => {
  test("an entity's claims in date order: what it says (through its statements too) and what is said of it", async () => {
    const data = await api.data(`{ timeline(id: "china") { ${EVENT_FIELDS} } }`);
    expect(data.timeline.map(event)).toEqual([
      '2023 china COOPERATES_WITH taliban',
      '2024-09-27 china CRITICIZES taliban via statement',
      '2024-09-27 china CALLS_ON taliban via statement',
      '2024-09-27 china CALLS_ON taliban via statement',
      '2024-10-03 china ATTENDED quadrilateral-meeting-2024-09-unga',
      `2024-10-03 china ISSUED ${STATEMENT}`,
      '2024-10-03 china BLAMES nato via statement',
      '2024-10-03 china COOPERATES_WITH taliban',
      '2024-10-03 china SUPPORTS pakistan',
    ]);
    expect(data.timeline.at(-1).evidence.article.id).toBe(ARTICLE_ID);
  });

  test('about an entity, a statement counts once (not once per issuer)', async () => {
    const data = await api.data(`{ timeline(id: "taliban", types: [CRITICIZES]) { ${EVENT_FIELDS} } }`);
    expect(data.timeline.map(event)).toEqual([
      '2023-05-11 pakistan CRITICIZES taliban',
      `2024-09-27 ${STATEMENT} CRITICIZES taliban`,
    ]);
  });

  test('since, until, first; the relation of each event carries all its evidence', async () => {
    const data = await api.data(
      `{ timeline(id: "china", since: "2023", until: "2023", first: 5) { date relation { articleCount evidence { quote } } } }`,
    );
    expect(data.timeline).toEqual([
      { date: '2023', relation: { articleCount: 1, evidence: [{ quote: 'Beijing signed a mining deal with Kabul' }] } },
    ]);
    const firstTwo = await api.data(`{ timeline(id: "china", first: 2) { date relation { type articleCount } } }`);
    expect(firstTwo.timeline).toEqual([
      { date: '2023', relation: { type: 'COOPERATES_WITH', articleCount: 2 } },
      { date: '2024-09-27', relation: { type: 'CRITICIZES', articleCount: 1 } },
    ]);
  });

  test('an unknown entity is NOT_FOUND; first above 500 is BAD_USER_INPUT', async () => {
    const unknown = await api.gql(`{ timeline(id: "atlantis") { date } }`);
    expect(firstError(unknown.body).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const tooMany = await api.gql(`{ timeline(id: "china", first: 501) { date } }`);
    expect(firstError(tooMany.body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
