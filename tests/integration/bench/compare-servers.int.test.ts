import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNeo4jGraphQLServer, type ComparisonServer } from '../../../src/bench/compare/neo4j-graphql-server.ts';
import {
  HOLDER_STANCES,
  chooseTargets,
  queryClasses,
  type QueryClass,
  type QueryTargets,
} from '../../../src/bench/compare/query-classes.ts';
import { startRawServer } from '../../../src/bench/compare/raw-handler.ts';
import { generateCorpus } from '../../../src/bench/corpus.ts';
import { sampleFailure, sendOnce } from '../../../src/bench/http-load.ts';
import { loadModel } from '../../../src/bench/raw-loaders.ts';
import { resetGraph } from '../../../src/db/article-writer.ts';
import type { Db } from '../../../src/db/driver.ts';
import { openCleanTestDb } from '../helpers/test-db.ts';

/** The comparison servers answer every class they have on a model-v2 graph, without errors. */
let db: Db;
let raw: ComparisonServer;
let neo4jGraphql: ComparisonServer;
let targets: QueryTargets;
let classes: QueryClass[];
const corpus = () => generateCorpus({ articles: 40, seed: 5 });

beforeAll(async () => {
  db = await openCleanTestDb();
  await loadModel(corpus(), db.driver, { database: db.database });
  targets = chooseTargets(corpus());
  classes = queryClasses(targets);
  raw = await startRawServer(db.driver, { database: db.database });
  neo4jGraphql = await startNeo4jGraphQLServer(db.driver, { database: db.database });
});
afterAll(async () => {
  await raw?.close();
  await neo4jGraphql?.close();
  await resetGraph(db);
  await db.driver.close();
});

const origin = (server: ComparisonServer) => new URL(server.url).origin;

describe('raw Cypher handler', () => {
  it('answers every class with data and one query', async () => {
    for (const queryClass of classes) {
      const spec = queryClass.requests.raw ?? queryClass.paged?.specs.raw?.at(null);
      if (!spec) throw new Error(`${queryClass.name} has no raw request`);
      const answer = await sendOnce(origin(raw), spec);
      expect(sampleFailure(answer), queryClass.name).toBeNull();
      expect(answer.body, queryClass.name).toMatchObject({ cypherQueries: 1 });
    }
  });

  it('pages CRITICIZES relations by key, each with all its claims as evidence', async () => {
    const first = await sendOnce(origin(raw), {
      path: '/q/relationsPage',
      body: { type: 'CRITICIZES', first: 5, after: '' },
    });
    const edges = (first.body as { data: { edges: Array<{ key: string; articleCount: number; evidence: unknown[] }> } })
      .data.edges;
    expect(edges).toHaveLength(5);
    expect(edges.map((edge) => edge.key)).toEqual([...edges.map((edge) => edge.key)].sort());
    for (const edge of edges) expect(edge.evidence.length).toBeGreaterThanOrEqual(edge.articleCount);
    const next = await sendOnce(origin(raw), {
      path: '/q/relationsPage',
      body: { type: 'CRITICIZES', first: 5, after: edges.at(-1)?.key },
    });
    const nextKeys = (next.body as { data: { edges: Array<{ key: string }> } }).data.edges.map((edge) => edge.key);
    expect((nextKeys[0] ?? '') > (edges.at(-1)?.key ?? '')).toBe(true);
  });

  it('finds the claims a holder alleges or suspects, each with its chain naming that holder with one of those stances', async () => {
    const answer = await sendOnce(origin(raw), {
      path: '/q/claimsByHolder',
      body: { holder: targets.popular, stances: HOLDER_STANCES, first: 20 },
    });
    const { totalCount, edges } = (
      answer.body as {
        data: {
          totalCount: number;
          edges: Array<{ attributions: Array<{ stance: string; holder: { id: string } | null }> }>;
        };
      }
    ).data;
    expect(totalCount).toBeGreaterThan(0);
    expect(edges.length).toBe(Math.min(totalCount, 20));
    for (const edge of edges)
      expect(
        edge.attributions.some(
          ({ stance, holder }) =>
            holder?.id === targets.popular && (HOLDER_STANCES as readonly string[]).includes(stance),
        ),
      ).toBe(true);
  });
});

describe('@neo4j/graphql server', () => {
  it('answers the classes it can express without GraphQL errors', async () => {
    // The two-level outgoing relations (14 + 14×14 connections) can exhaust Neo4j's
    // transaction memory; the bench reports that, this test only checks the others.
    for (const queryClass of classes.filter((candidate) => !candidate.name.startsWith('outgoing relations'))) {
      const spec = queryClass.requests.neo4jGraphql ?? queryClass.paged?.specs.neo4jGraphql?.at(null);
      if (!spec) continue;
      const answer = await sendOnce(origin(neo4jGraphql), spec);
      expect(sampleFailure(answer), queryClass.name).toBeNull();
    }
  });

  it('finds the same entity as the raw handler', async () => {
    const entityClass = classes.find((queryClass) => queryClass.name === 'entity by id') as QueryClass;
    const viaLibrary = await sendOnce(origin(neo4jGraphql), entityClass.requests.neo4jGraphql!);
    const viaRaw = await sendOnce(origin(raw), entityClass.requests.raw!);
    const library = (viaLibrary.body as { data: { entities: Array<{ id: string; name: string }> } }).data.entities;
    const plain = (viaRaw.body as { data: { entity: { id: string; name: string } } }).data.entity;
    expect(library).toHaveLength(1);
    expect(library[0]).toMatchObject({ id: targets.popular, name: plain.name });
    // It counts the Cypher queries it runs: one per root field.
    expect(viaLibrary.body).toMatchObject({ extensions: { cypherQueries: 1 } });
  });
});
