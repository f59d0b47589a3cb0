/**
 * The API on a routing URI (`neo4j://`), as on a cluster or Aura. A single Community instance
 * answers the routing procedure with itself as router, reader and writer, so everything must
 * work unchanged; and every read must go out as a READ transaction (a cluster's readers serve
 * it), every write as a WRITE one (its leader). A probe on the driver records the access mode
 * of each transaction and what the server said each query did (helpers/access-mode-probe.ts).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../../../src/config.ts';
import { openDb } from '../../../src/db/driver.ts';
import { fileSources, listArticleFiles, seedSources } from '../../../src/ingest/seed-run.ts';
import {
  describeTransaction,
  probeAccessModes,
  readsSentAsWrite,
  type ObservedTransaction,
} from '../helpers/access-mode-probe.ts';
import { API_TOKEN, openApi } from './harness.ts';

/** The test database's URI with the routing scheme: bolt://host:port becomes neo4j://host:port. */
const ROUTING_URI = loadConfig().NEO4J_URI.replace(/^(bolt|neo4j)/, 'neo4j');

/**
 * Reads sent as writes in files being rewritten elsewhere: each is checked to still happen, so
 * that the entry goes once it is fixed. `src/db/article-writer.ts` findContentHashes runs its
 * read-only executeQuery without routing.
 */
const KNOWN_READS_SENT_AS_WRITE: Array<{ site: string; cypher: string }> = [];

const isKnown = (transaction: ObservedTransaction) =>
  KNOWN_READS_SENT_AS_WRITE.some(
    ({ site, cypher }) => transaction.site.startsWith(site) && transaction.queries[0]?.cypher === cypher,
  );

/** Fails on a read sent as a write that is not known; fails too when a known one is gone (remove it). */
function expectReadsRoutedAsReads(transactions: readonly ObservedTransaction[]): void {
  const violations = readsSentAsWrite(transactions);
  expect(violations.filter((transaction) => !isKnown(transaction)).map(describeTransaction)).toEqual([]);
  const gone = KNOWN_READS_SENT_AS_WRITE.filter(
    ({ site, cypher }) => !violations.some((t) => t.site.startsWith(site) && t.queries[0]?.cypher === cypher),
  );
  expect(gone, 'fixed: remove these from KNOWN_READS_SENT_AS_WRITE').toEqual([]);
}

const config = loadConfig({ ...process.env, NEO4J_URI: ROUTING_URI });
const probe = probeAccessModes(openDb(config));
const api = await openApi({ db: probe, graph: 'empty' });

beforeAll(async () => {
  probe.reset();
  const report = await seedSources(fileSources(await listArticleFiles(['seed'])), probe);
  expect(report.articles).toBeGreaterThan(0);
});

describe('the probe', () => {
  // What makes the other tests able to fail: it tells a read sent as a write from a read.
  test('reports a read sent as a write, not a read sent as a read or a write', async () => {
    const read = 'MATCH (n:Entity) RETURN count(n) AS entities';
    const database = probe.database;
    probe.reset();
    await probe.driver.executeQuery(read, {}, { database });
    const writeSession = probe.driver.session({ database });
    await writeSession.executeWrite((tx) => tx.run(read));
    await writeSession.run(read);
    await writeSession.close();
    expect(readsSentAsWrite(probe.transactions).map((t) => t.api)).toEqual([
      'executeQuery',
      'executeWrite',
      'session.run',
    ]);
    expect(probe.transactions.every((t) => t.site.startsWith('(outside src)'))).toBe(true);

    probe.reset();
    await probe.driver.executeQuery(read, {}, { database, routing: neo4j.routing.READ });
    const readSession = probe.driver.session({ database, defaultAccessMode: neo4j.session.READ });
    await readSession.executeRead((tx) => tx.run(read));
    await readSession.run(read);
    await readSession.close();
    await probe.driver.executeQuery('MERGE (n:ProbeCheck {id: 1}) DELETE n', {}, { database });
    expect(probe.transactions.map((t) => `${t.api} ${t.mode} ${t.queries[0]?.queryType}`)).toEqual([
      'executeQuery READ r',
      'executeRead READ r',
      'session.run READ r',
      'executeQuery WRITE w',
    ]);
    expect(readsSentAsWrite(probe.transactions)).toEqual([]);
  });

  test('a write sent as a read is refused by Neo4j itself', async () => {
    await expect(
      probe.driver.executeQuery(
        'CREATE (n:ProbeCheck) DELETE n',
        {},
        { database: probe.database, routing: neo4j.routing.READ },
      ),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
  });
});

describe(`the API on ${ROUTING_URI}`, () => {
  test('the driver was built from the routing URI', () => {
    expect(config.NEO4J_URI).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
  });

  test('the seed loaded through it: writes in WRITE transactions, the look-ups in READ ones', async () => {
    // beforeAll loaded it; check what it sent by loading it again (unchanged, so only reads and the lease).
    probe.reset();
    const files = fileSources(await listArticleFiles(['seed']));
    expect((await seedSources(files, probe)).unchanged).toBeGreaterThan(0);
    // Found unchanged by their bytes: one look-up, nothing validated.
    expect(probe.transactions.some((t) => t.mode === 'READ' && t.site.startsWith('src/db/article-writer.ts'))).toBe(
      true,
    );
    expectReadsRoutedAsReads(probe.transactions);
    // Without bytes to compare (as documents sent to the API), each is validated: resolution looks the graph up.
    probe.reset();
    const withoutBytes = files.map(({ fingerprint: _bytes, ...source }) => source);
    expect((await seedSources(withoutBytes, probe)).unchanged).toBeGreaterThan(0);
    expect(
      probe.transactions.some((t) => t.mode === 'READ' && t.site.startsWith('src/db/known-entities.repo.ts')),
    ).toBe(true);
    expectReadsRoutedAsReads(probe.transactions);
  });

  const READS: Record<string, { query: string; check: (data: any) => void }> = {
    entity: {
      query: `{ entity(id: "taliban") { id name aliases relations(first: 20) { type source { id } target { id } } articles { id } } }`,
      check: (data) => {
        expect(data.entity.id).toBe('taliban');
        expect(data.entity.relations.length).toBeGreaterThan(0);
      },
    },
    relations: {
      query: `{ relations(filter: { target: "taliban", types: [CRITICIZES], includeStatements: true }, first: 20) {
        totalCount edges { node { source { id } via { id } evidence { quote article { id } } } } } }`,
      check: (data) => expect(data.relations.totalCount).toBeGreaterThan(0),
    },
    search: {
      query: `{ search(query: "Talibn") { id } }`,
      check: (data) => expect(data.search[0].id).toBe('taliban'),
    },
    path: {
      query: `{ path(from: "china", to: "tehrik-i-taliban-pakistan") { length nodes { id } relations { type } } }`,
      check: (data) => expect(data.path.length).toBeGreaterThan(0),
    },
    neighborhood: {
      query: `{ neighborhood(id: "pakistan", depth: 2) { truncated nodes { id } relations { type source { id } target { id } } } }`,
      check: (data) => expect(data.neighborhood.nodes.length).toBeGreaterThan(1),
    },
  };

  test.each(Object.keys(READS))('%s: answered, every transaction READ and read-only', async (name) => {
    const { query, check } = READS[name]!;
    probe.reset();
    check(await api.data(query));
    expect(probe.transactions.length).toBeGreaterThan(0);
    expect(probe.transactions.filter((t) => t.mode !== 'READ').map(describeTransaction)).toEqual([]);
    expect(
      probe.transactions.flatMap((t) => t.queries.filter((q) => q.queryType !== 'r')).map((q) => q.cypher),
    ).toEqual([]);
  });

  test('ingestArticle: writes in WRITE transactions, and a read right after it sees it', async () => {
    const document = {
      formatVersion: 1,
      article: {
        id: 'cluster-routing-test-article',
        title: 'Pakistan criticizes a new militia',
        publishedAt: '2025-02-01',
        text: 'Pakistan criticized the Cluster Routing Front.',
      },
      entities: [
        { id: 'pakistan', type: 'State', name: 'Pakistan' },
        { id: 'cluster-routing-front', type: 'Group', name: 'Cluster Routing Front', category: 'militant' },
      ],
      relations: [
        {
          type: 'CRITICIZES',
          source: 'pakistan',
          target: 'cluster-routing-front',
          quote: 'Pakistan criticized the Cluster Routing Front.',
        },
      ],
    };
    probe.reset();
    const { body } = await api.gql(
      `mutation($document: JSON!) { ingestArticle(document: $document) { outcome relationsWritten article { id } } }`,
      { document },
      { token: API_TOKEN },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestArticle).toEqual({
      outcome: 'created',
      relationsWritten: 1,
      article: { id: document.article.id },
    });
    const writes = probe.transactions.filter((t) => t.queries.some((q) => q.queryType !== 'r' && q.queryType !== null));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((t) => t.mode !== 'WRITE').map(describeTransaction)).toEqual([]);
    expectReadsRoutedAsReads(probe.transactions);
    // The report's `article` field is resolved by the API's reader, after the write committed.
    const last = probe.transactions.at(-1)!;
    expect([last.api, last.mode, last.site]).toEqual([
      'executeQuery',
      'READ',
      expect.stringMatching(/^src\/db\/query-runner\.ts:/),
    ]);

    // Causal consistency: the next request's read carries the write's bookmark (same driver).
    probe.reset();
    const data = await api.data(`{ entity(id: "cluster-routing-front") { id relations { type source { id } } } }`);
    expect(data.entity).toEqual({
      id: 'cluster-routing-front',
      relations: [{ type: 'CRITICIZES', source: { id: 'pakistan' } }],
    });
    expect(probe.transactions.every((t) => t.mode === 'READ')).toBe(true);
  });
});
