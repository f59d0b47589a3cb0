import { describe, expect, test } from 'vitest';
import { ARTICLE_ID, OLDER_ARTICLE_ID, fixtureRelationCount } from './fixture.ts';
import { firstError, openApi } from './harness.ts';

const api = await openApi();

const STATEMENT = 'quadrilateral-joint-statement-2024-09';

const RELATIONS = `
  query Relations($filter: RelationFilter, $first: Int, $after: String) {
    relations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id type articleCount firstSeen lastSeen
          source { id } target { id } via { id }
          evidence { quote modality confidence date effectiveDate demand attributedTo { id } article { id } }
        }
      }
    }
  }`;

interface Edge {
  cursor: string;
  node: {
    id: string;
    type: string;
    articleCount: number;
    firstSeen: string | null;
    lastSeen: string | null;
    source: { id: string };
    target: { id: string };
    via: { id: string } | null;
    evidence: Array<{
      quote: string | null;
      modality: string;
      confidence: number;
      date: string | null;
      effectiveDate: string | null;
      demand: string | null;
      attributedTo: { id: string } | null;
      article: { id: string };
    }>;
  };
}

async function relations(filter: Record<string, unknown>, first = 200, after?: string) {
  const data = await api.data(RELATIONS, { filter, first, after });
  return data.relations as {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Edge[];
  };
}

const label = ({ node }: Edge) =>
  `${node.source.id} ${node.type} ${node.target.id}${node.via ? ` via ${node.via.id}` : ''}`;

describe('relations: aggregation', () => {
  test('one relation per (source, type, target): evidence from every article, distinct article count, first and last seen', async () => {
    const { edges } = await relations({ source: 'china', target: 'taliban', types: ['COOPERATES_WITH'] });
    expect(edges).toHaveLength(1);
    const [{ node }] = edges as [Edge];
    expect(node.articleCount).toBe(2);
    expect(node.evidence.map((e) => e.article.id)).toEqual([OLDER_ARTICLE_ID, ARTICLE_ID]);
    expect(node.evidence.map((e) => e.effectiveDate)).toEqual(['2023', '2024-10-03']);
    expect([node.firstSeen, node.lastSeen]).toEqual(['2023', '2024-10-03']);
  });

  test('two claims of one article make one relation with two pieces of evidence and one article', async () => {
    const { edges } = await relations({ source: STATEMENT, types: ['CALLS_ON'] });
    expect(edges.map(label)).toEqual([`${STATEMENT} CALLS_ON taliban`]);
    const node = edges[0]!.node;
    expect(node.articleCount).toBe(1);
    expect(node.evidence.map((e) => e.demand)).toEqual([
      'eliminate all terrorist groups equally and prevent the use of Afghan territory against its neighbors',
      'form an inclusive government',
    ]);
  });

  test('evidence carries modality, confidence and attribution as written', async () => {
    const { edges } = await relations({ source: 'taliban', target: 'tehrik-i-taliban-pakistan', types: ['SHELTERS'] });
    const evidence = edges[0]!.node.evidence;
    expect(evidence.map((e) => [e.modality, e.confidence, e.attributedTo?.id])).toEqual([
      ['ALLEGED', 0.8, 'pakistan'],
      ['ALLEGED', 0.6, 'pakistan'],
    ]);
  });

  test('a relation id is stable and looks the relation up again', async () => {
    const { edges } = await relations({ target: 'taliban', types: ['CRITICIZES'], includeStatements: true });
    const again = await relations({ target: 'taliban', types: ['CRITICIZES'], includeStatements: true });
    expect(again.edges.map((e) => e.node.id)).toEqual(edges.map((e) => e.node.id));
    const viaRelation = edges.find((e) => e.node.via)!.node;
    const data = await api.data(
      `query($id: ID!) { relation(id: $id) { id type source { id } via { id } evidence { quote } } }`,
      {
        id: viaRelation.id,
      },
    );
    expect(data.relation).toEqual({
      id: viaRelation.id,
      type: 'CRITICIZES',
      source: { id: viaRelation.source.id },
      via: { id: STATEMENT },
      evidence: viaRelation.evidence.map(({ quote }) => ({ quote })),
    });
  });

  test('a relation id that names nothing is null; one that is not an id is BAD_USER_INPUT', async () => {
    const missing = Buffer.from('nato|CRITICIZES|taliban').toString('base64url');
    expect((await api.data(`{ relation(id: "${missing}") { id } }`)).relation).toBeNull();
    // An actor that did not issue the statement gets nothing through it.
    const forged = Buffer.from(`nato|CRITICIZES|taliban|via|${STATEMENT}`).toString('base64url');
    expect((await api.data(`{ relation(id: "${forged}") { id } }`)).relation).toBeNull();
    const { body } = await api.gql(`{ relation(id: "not-an-id") { id } }`);
    expect(firstError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('relations: includeStatements', () => {
  test('who criticizes the Taliban: the four issuers of the joint statement, through it, and the statement itself', async () => {
    const { edges, totalCount } = await relations({
      target: 'taliban',
      types: ['CRITICIZES'],
      includeStatements: true,
    });
    expect(edges.map(label)).toEqual([
      `china CRITICIZES taliban via ${STATEMENT}`,
      `iran CRITICIZES taliban via ${STATEMENT}`,
      'pakistan CRITICIZES taliban',
      `pakistan CRITICIZES taliban via ${STATEMENT}`,
      `${STATEMENT} CRITICIZES taliban`,
      `russia CRITICIZES taliban via ${STATEMENT}`,
    ]);
    expect(totalCount).toBe(6);
    // The statement's own evidence, once per issuer: it says what was said, and by whom.
    const china = edges[0]!.node;
    expect(china.evidence.map((e) => e.quote)).toEqual(['sharply critical of the Taliban on very sensitive issues']);
  });

  test('a Meeting that issued the statement is no actor: it gets no attribution', async () => {
    const { edges } = await relations({ source: 'quadrilateral-meeting-2024-09-unga', includeStatements: true });
    expect(edges.map(label)).toEqual([`quadrilateral-meeting-2024-09-unga ISSUED ${STATEMENT}`]);
  });

  test('without includeStatements only the statement criticizes (besides Pakistan, directly)', async () => {
    const { edges } = await relations({ target: 'taliban', types: ['CRITICIZES'] });
    expect(edges.map(label)).toEqual(['pakistan CRITICIZES taliban', `${STATEMENT} CRITICIZES taliban`]);
  });

  test('the source filter applies to the issuing actor', async () => {
    const { edges } = await relations({ source: 'iran', target: 'taliban', includeStatements: true });
    expect(edges.map(label)).toEqual([
      `iran CALLS_ON taliban via ${STATEMENT}`,
      'iran COOPERATES_WITH taliban',
      `iran CRITICIZES taliban via ${STATEMENT}`,
    ]);
  });
});

describe('relations: filters', () => {
  test('types', async () => {
    const { edges } = await relations({ types: ['SHELTERS', 'FIGHTS'] });
    expect(edges.map(label)).toEqual([
      'taliban FIGHTS islamic-state-khorasan-province',
      'taliban SHELTERS balochistan-liberation-army',
      'taliban SHELTERS tehrik-i-taliban-pakistan',
    ]);
  });

  test('modalities keep only matching evidence, and drop relations left without any', async () => {
    const { edges } = await relations({ modalities: ['DENIED', 'SPECULATED'] });
    // A denied claim is evidence of no relation (evidence model v2): the Taliban's denial of
    // supporting the TTP is a claim (Query.claims), not a SUPPORTS relation.
    expect(edges.map(label)).toEqual(['pakistan THREATENS taliban']);
    expect(edges.flatMap((e) => e.node.evidence.map((ev) => ev.modality)).sort()).toEqual(['SPECULATED']);
  });

  test('minConfidence applies to each piece of evidence, and the counts follow', async () => {
    const { edges } = await relations({
      source: 'taliban',
      target: 'tehrik-i-taliban-pakistan',
      types: ['SHELTERS'],
      minConfidence: 0.7,
    });
    expect(edges[0]!.node.evidence.map((e) => e.confidence)).toEqual([0.8]);
    expect(edges[0]!.node.articleCount).toBe(1);
    const all = await relations({ minConfidence: 0.95 });
    expect(all.edges.every((e) => e.node.evidence.every((ev) => ev.confidence >= 0.95))).toBe(true);
  });

  test('since/until compare partial dates as ranges: 2024-09 is inside 2024', async () => {
    const in2024 = await relations({ source: STATEMENT, since: '2024', until: '2024' });
    expect(in2024.edges.map(label)).toEqual([
      `${STATEMENT} BLAMES nato`,
      `${STATEMENT} CALLS_ON taliban`,
      `${STATEMENT} CRITICIZES taliban`,
    ]);
    const september = await relations({ source: STATEMENT, since: '2024-09', until: '2024-09' });
    expect(september.edges.map(label)).toEqual([`${STATEMENT} CALLS_ON taliban`, `${STATEMENT} CRITICIZES taliban`]);
    // A claim dated only "2023" may fall on 2023-06-15: a window inside the year keeps it.
    const midYear = await relations({ source: 'china', target: 'taliban', since: '2023-06-15', until: '2023-06-15' });
    expect(midYear.edges.map((e) => e.node.evidence.map((ev) => ev.effectiveDate))).toEqual([['2023']]);
    const before = await relations({ until: '2022' });
    expect(before.totalCount).toBe(0);
  });

  test('since/until fall back to the article date when a claim has none', async () => {
    const { edges } = await relations({
      source: 'pakistan',
      target: 'taliban',
      types: ['THREATENS'],
      since: '2024-10-03',
      until: '2024-10-03',
    });
    expect(edges[0]!.node.evidence.map((e) => [e.date, e.effectiveDate])).toEqual([[null, '2024-10-03']]);
  });

  test('source and target; an id that was merged stands for its canonical entity', async () => {
    const { edges } = await relations({ target: 'iskp' });
    expect(edges.map(label)).toEqual(['taliban FIGHTS islamic-state-khorasan-province']);
  });
});

describe('relations: pagination', () => {
  test('pages in a stable order, without gaps or repeats, and the count covers all pages', async () => {
    const whole = await relations({}, 200);
    expect(whole.totalCount).toBe(fixtureRelationCount());
    expect(whole.pageInfo.hasNextPage).toBe(false);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await relations({}, 4, after);
      expect(page.totalCount).toBe(whole.totalCount);
      seen.push(...page.edges.map((e) => e.node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      after = page.pageInfo.endCursor!;
    }
    expect(pages).toBe(Math.ceil(whole.totalCount / 4));
    expect(seen).toEqual(whole.edges.map((e) => e.node.id));
  });

  test('pagination with includeStatements and a filter', async () => {
    const filter = { target: 'taliban', includeStatements: true };
    const whole = await relations(filter);
    const first = await relations(filter, 5);
    const second = await relations(filter, 5, first.pageInfo.endCursor!);
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(
      whole.edges.slice(0, 10).map((e) => e.node.id),
    );
  });

  test('an empty result has no end cursor', async () => {
    const page = await relations({ target: 'nobody' });
    expect(page).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });
});

describe('relations: bad arguments', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['first above the cap', { first: 201 }, 'first'],
    ['first below 1', { first: 0 }, 'first'],
    ['a cursor that is not one', { after: 'garbage' }, 'after'],
    ['a date that is not one', { filter: { since: '2024-13' } }, 'filter.since'],
    ['until before since', { filter: { since: '2024', until: '2023' } }, 'filter.until'],
    ['a confidence above 1', { filter: { minConfidence: 2 } }, 'filter.minConfidence'],
    ['an empty list of types', { filter: { types: [] } }, 'filter.types'],
    ['an empty list of modalities', { filter: { modalities: [] } }, 'filter.modalities'],
  ];
  test.each(cases)('%s: BAD_USER_INPUT naming the field', async (_name, variables, field) => {
    const { body } = await api.gql(RELATIONS, variables);
    const error = firstError(body);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain(field);
    expect(String(error.extensions.reason)).toMatch(/^expected/);
  });

  test('a variable of the wrong type: BAD_USER_INPUT naming the variable', async () => {
    const { body } = await api.gql(RELATIONS, { first: 'ten' });
    expect(firstError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$first' });
  });

  test('a value outside an enum is refused before execution', async () => {
    const { body } = await api.gql(`{ relations(filter: { types: [LIKES] }) { totalCount } }`);
    expect(firstError(body).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
