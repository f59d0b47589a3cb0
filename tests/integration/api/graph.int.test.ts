import { describe, expect, test } from 'vitest';
import { firstError, openApi } from './harness.ts';

const api = await openApi();

const PATH = `query Path($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationType!]) {
  path(from: $from, to: $to, maxHops: $maxHops, types: $types) {
    length
    nodes { id }
    relations { type source { id } target { id } articleCount evidence { quote } }
  }
}`;

const NEIGHBORHOOD = `query Neighborhood($id: ID!, $depth: Int, $types: [RelationType!]) {
  neighborhood(id: $id, depth: $depth, types: $types) {
    truncated
    nodes { id }
    relations { type source { id } target { id } }
  }
}`;

const ids = (list: Array<{ id: string }>) => list.map((item) => item.id);

describe('path', () => {
  test('shortest path, ignoring direction; each hop is the aggregated relation joining consecutive nodes', async () => {
    const data = await api.data(PATH, { from: 'balochistan-liberation-army', to: 'iran' });
    const { length, nodes, relations } = data.path as {
      length: number;
      nodes: Array<{ id: string }>;
      relations: Array<{ type: string; source: { id: string }; target: { id: string }; evidence: unknown[] }>;
    };
    // The BLA is sheltered by the Taliban, with whom Iran cooperates (or through Pakistan: equally short).
    expect(length).toBe(2);
    expect(nodes).toHaveLength(3);
    expect([nodes[0]!.id, nodes[2]!.id]).toEqual(['balochistan-liberation-army', 'iran']);
    relations.forEach((relation, i) => {
      expect([relation.source.id, relation.target.id].sort()).toEqual([nodes[i]!.id, nodes[i + 1]!.id].sort());
      expect(relation.evidence.length).toBeGreaterThan(0);
    });
  });

  test('a hop carries every claim of its relation', async () => {
    const data = await api.data(PATH, { from: 'china', to: 'taliban' });
    expect(data.path.length).toBe(1);
    expect(data.path.relations[0]).toMatchObject({ type: 'COOPERATES_WITH', source: { id: 'china' }, articleCount: 2 });
    expect(data.path.relations[0].evidence).toHaveLength(2);
  });

  test('types restrict the relations a path may use', async () => {
    const data = await api.data(PATH, {
      from: 'china',
      to: 'balochistan-liberation-army',
      types: ['ISSUED', 'CRITICIZES', 'SHELTERS'],
    });
    expect(ids(data.path.nodes)).toEqual([
      'china',
      'quadrilateral-joint-statement-2024-09',
      'taliban',
      'balochistan-liberation-army',
    ]);
  });

  test('null when no path is short enough, or when only articles connect the two', async () => {
    expect((await api.data(PATH, { from: 'china', to: 'balochistan-liberation-army', maxHops: 1 })).path).toBeNull();
    // Jane Doe only wrote an article: AUTHORED and MENTIONS are not the analyst's relations.
    expect((await api.data(PATH, { from: 'pakistan', to: 'jane-doe', maxHops: 6 })).path).toBeNull();
  });

  test('from an entity to itself: length 0; merged ids are followed', async () => {
    const data = await api.data(PATH, { from: 'iskp', to: 'islamic-state-khorasan-province' });
    expect(data.path).toEqual({ length: 0, nodes: [{ id: 'islamic-state-khorasan-province' }], relations: [] });
  });

  test('an unknown end is NOT_FOUND, naming it', async () => {
    const { body } = await api.gql(PATH, { from: 'china', to: 'atlantis' });
    expect(firstError(body).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'to' });
  });

  test('maxHops is capped at 6', async () => {
    const { body } = await api.gql(PATH, { from: 'china', to: 'taliban', maxHops: 7 });
    expect(firstError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxHops' });
    expect(firstError(body).message).toContain('the cap is 6');
    expect((await api.data(PATH, { from: 'china', to: 'taliban', maxHops: 6 })).path.length).toBe(1);
  });
});

describe('neighborhood', () => {
  test('depth 1: the centre first, its neighbours, and every relation among them', async () => {
    const data = await api.data(NEIGHBORHOOD, { id: 'iskp' });
    expect(data.neighborhood.truncated).toBe(false);
    expect(ids(data.neighborhood.nodes)).toEqual(['islamic-state-khorasan-province', 'afghanistan', 'taliban']);
    expect(
      data.neighborhood.relations.map(
        (r: { type: string; source: { id: string }; target: { id: string } }) =>
          `${r.source.id} ${r.type} ${r.target.id}`,
      ),
    ).toEqual([
      'taliban FIGHTS islamic-state-khorasan-province',
      'islamic-state-khorasan-province OPERATES_IN afghanistan',
    ]);
  });

  test('depth 2 reaches further, nearest first; types restrict it', async () => {
    const two = await api.data(NEIGHBORHOOD, { id: 'iskp', depth: 2 });
    expect(ids(two.neighborhood.nodes).slice(0, 3)).toEqual([
      'islamic-state-khorasan-province',
      'afghanistan',
      'taliban',
    ]);
    expect(ids(two.neighborhood.nodes)).toContain('tehrik-i-taliban-pakistan');
    const fights = await api.data(NEIGHBORHOOD, { id: 'iskp', depth: 3, types: ['FIGHTS'] });
    expect(ids(fights.neighborhood.nodes)).toEqual(['islamic-state-khorasan-province', 'taliban']);
  });

  test('depth is capped at 3; an unknown centre is NOT_FOUND', async () => {
    const deep = await api.gql(NEIGHBORHOOD, { id: 'taliban', depth: 4 });
    expect(firstError(deep.body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
    const unknown = await api.gql(NEIGHBORHOOD, { id: 'atlantis' });
    expect(firstError(unknown.body).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  test('at most 200 nodes, the nearest kept, and truncated says so', async () => {
    // A hub with 250 groups around it, written for this test alone.
    await api.db.driver.executeQuery(
      `MATCH (hub:Entity {id: 'afghanistan'})
       UNWIND range(1, 250) AS i
       CREATE (g:Entity:Group {id: 'cap-test-group-' + i, type: 'Group', name: 'Cap test group ' + i, aliases: []})
       CREATE (g)-[:OPERATES_IN {key: g.id + ' ' + hub.id, articleCount: 1, claimCount: 1,
                                 firstSeen: '2024', lastSeen: '2024'}]->(hub)`,
      {},
      { database: api.db.database },
    );
    try {
      const data = await api.data(NEIGHBORHOOD, { id: 'afghanistan', depth: 2 });
      expect(data.neighborhood.truncated).toBe(true);
      expect(data.neighborhood.nodes).toHaveLength(200);
      expect(data.neighborhood.nodes[0].id).toBe('afghanistan');
    } finally {
      await api.db.driver.executeQuery(
        `MATCH (g:Group) WHERE g.id STARTS WITH 'cap-test-' DETACH DELETE g`,
        {},
        { database: api.db.database },
      );
    }
  });
});
