import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../../../src/db/driver.ts';
import { resetGraph } from '../../../src/db/article-writer.ts';
import {
  SeedValidationError,
  fileSources,
  ingestDocuments,
  listArticleFiles,
  removeArticle,
} from '../../../src/ingest/seed-run.ts';
import { seedSources } from '../../../src/ingest/seed-run.ts';
import { articleDoc } from '../../fixtures/article-builder.ts';
import { aggregateMismatches, cypher, graphCounts, openCleanTestDb } from '../helpers/test-db.ts';

const db: Db = await openCleanTestDb();

afterAll(async () => {
  await db.driver.close();
});

beforeEach(async () => {
  await resetGraph(db);
});

const load = (...documents: Array<{ file: string; json: unknown }>) => ingestDocuments(documents, db);
const doc = (file: string, json: unknown) => ({ file, json });

const SEED_FILE = 'seed/2024-10-03-korybko-quadrilateral-statement.json';
const seedJson = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { entities: unknown[]; relations: unknown[] };

describe('seeding the seed folder', () => {
  test('loads every entity and relation of the seed into an empty graph', async () => {
    const report = await seedSources(fileSources(await listArticleFiles(['seed'])), db);
    const counts = await graphCounts(db);
    expect(report).toMatchObject({ files: 1, articles: 1, created: 1, entitiesCreated: seedJson.entities.length, relationsWritten: seedJson.relations.length });
    expect(counts['node:Entity']).toBe(seedJson.entities.length);
    expect(counts['node:Article']).toBe(1);
    expect(counts['rel:MENTIONS']).toBe(seedJson.entities.length);
    expect(counts['rel:AUTHORED']).toBe(1);
  });

  test('loading the same files again changes no counts', async () => {
    const sources = fileSources(await listArticleFiles(['seed']));
    await seedSources(sources, db);
    const before = await graphCounts(db);
    const again = await seedSources(sources, db);
    expect(again).toMatchObject({ unchanged: 1, entitiesCreated: 0, relationsWritten: 0 });
    expect(await graphCounts(db)).toEqual(before);
  });

  test('each claim is a Claim node with its evidence, linked to its article, subject, object and holders', async () => {
    await seedSources(fileSources([SEED_FILE]), db);
    const rows = await cypher<{ modality: string; holders: string[]; stances: string[]; quote: string; articleId: string }>(
      db,
      `MATCH (:Group {id: 'taliban'})<-[:SUBJECT]-(c:Claim {type: 'SHELTERS'})-[:OBJECT]->(:Group {id: 'tehrik-i-taliban-pakistan'}),
             (a:Article)-[:CLAIMS]->(c)
       RETURN c.modality AS modality, a.id AS articleId, c.quote AS quote,
              COLLECT { MATCH (c)-[h:HELD_BY]->(x) RETURN x.id ORDER BY h.order } AS holders,
              COLLECT { MATCH (c)-[h:HELD_BY]->() RETURN h.stance ORDER BY h.order } AS stances
       ORDER BY c.ordinal`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      modality: 'implied',
      holders: ['andrew-korybko', 'china-iran-pakistan-russia', 'pakistan'],
      stances: ['infers', 'implies', 'suspects'],
      articleId: '2024-10-03-korybko-quadrilateral-statement',
    });
    expect(rows[0]?.quote.length).toBeGreaterThan(0);
  });

  test('one relationship per (source, type, target) carries the exact aggregates of its claims', async () => {
    await seedSources(fileSources([SEED_FILE]), db);
    const statement = 'quadrilateral-joint-statement-2024-09';
    const edges = await cypher<{ claims: number; articles: number }>(
      db,
      `MATCH (:Statement {id: '${statement}'})-[r:CALLS_ON]->(:Group {id: 'taliban'})
       RETURN r.claimCount AS claims, r.articleCount AS articles`,
    );
    const claims = await cypher(db, `MATCH (c:Claim {relation: 'CALLS_ON ${statement} taliban'}) RETURN c`);
    expect(edges).toEqual([{ claims: claims.length, articles: 1 }]);
    expect(claims.length).toBeGreaterThan(1);
    expect(await aggregateMismatches(db)).toEqual([]);
  });
});

describe('references between the files of a run', () => {
  test('a claim about an entity that only a later file of the run defines is written, and the entity filled in', async () => {
    const first = articleDoc('a-first').add('Group', 'taliban').claim('SHELTERS', 'taliban', 'ttp').build();
    const second = articleDoc('b-second').add('Group', 'ttp', { name: 'Tehrik-i-Taliban Pakistan', description: 'defined here' }).build();
    const report = await load(doc('a.json', first), doc('b.json', second));
    expect(report.relationsWritten).toBe(1);
    expect(await cypher(db, 'MATCH (:Group {id: "taliban"})-[r:SHELTERS]->(t:Group {id: "ttp"}) RETURN t.name AS name, t.description AS description')).toEqual([
      { name: 'Tehrik-i-Taliban Pakistan', description: 'defined here' },
    ]);
  });
});

describe('re-loading a changed article', () => {
  const version = (quote: string, withThreat: boolean) => {
    const builder = articleDoc('changing-article')
      .add('Group', 'taliban')
      .add('Group', 'ttp', { aliases: ['TTP'] })
      .add('State', 'pakistan')
      .claim('SHELTERS', 'taliban', 'ttp', { quote, modality: 'alleged' });
    if (withThreat) builder.claim('THREATENS', 'ttp', 'pakistan');
    return builder.build();
  };

  test('replaces its own claims and leaves no stale evidence', async () => {
    await load(doc('a.json', version('first quote', true)));
    const report = await load(doc('a.json', version('second quote', false)));
    expect(report.replaced).toBe(1);
    const quotes = await cypher<{ type: string; quote: string }>(db, 'MATCH (c:Claim) WHERE c.quote IS NOT NULL RETURN c.type AS type, c.quote AS quote');
    expect(quotes).toEqual([{ type: 'SHELTERS', quote: 'second quote' }]);
    expect(await cypher(db, 'MATCH ()-[r:THREATENS]->() RETURN r')).toEqual([]);
    expect(await aggregateMismatches(db)).toEqual([]);
  });

  test('takes back the aliases only it gave', async () => {
    await load(doc('a.json', version('q', false)));
    const changed = articleDoc('changing-article').add('Group', 'taliban').add('Group', 'ttp').claim('SHELTERS', 'taliban', 'ttp').build();
    await load(doc('a.json', changed));
    const [ttp] = await cypher<{ aliases: string[] }>(db, "MATCH (n:Entity {id: 'ttp'}) RETURN n.aliases AS aliases");
    expect(ttp?.aliases).toEqual([]);
  });

  test('drops the entities it no longer mentions when nothing else needs them', async () => {
    await load(doc('a.json', version('q', true)));
    const without = articleDoc('changing-article').add('Group', 'taliban').add('Group', 'ttp').claim('SHELTERS', 'taliban', 'ttp').build();
    await load(doc('a.json', without));
    expect(await cypher(db, "MATCH (n:Entity {id: 'pakistan'}) RETURN n")).toEqual([]);
  });
});

describe('entity resolution across files and the graph', () => {
  test('an id defined in another file of the run is the same node', async () => {
    const first = articleDoc('first').add('Group', 'taliban').add('Group', 'ttp').claim('SHELTERS', 'taliban', 'ttp').build();
    const second = articleDoc('second').add('State', 'pakistan').claim('CRITICIZES', 'pakistan', 'taliban').build();
    await load(doc('a.json', first), doc('b.json', second));
    const rows = await cypher<{ articles: number }>(
      db,
      "MATCH (t:Entity {id: 'taliban'}) RETURN count { (t)<-[:OBJECT]-(:Claim) } AS articles",
    );
    expect(await cypher(db, "MATCH (n:Entity {id: 'taliban'}) RETURN n.id")).toHaveLength(1);
    expect(Number(rows[0]?.articles)).toBe(1);
  });

  test('an id already in the graph can be referenced by a later run', async () => {
    await load(doc('a.json', articleDoc('first').add('Group', 'taliban').build()));
    await load(doc('b.json', articleDoc('second').add('State', 'iran').claim('CRITICIZES', 'iran', 'taliban').build()));
    expect(await cypher(db, "MATCH (:State {id: 'iran'})-[:CRITICIZES]->(:Group {id: 'taliban'}) RETURN 1 AS one")).toHaveLength(1);
  });

  test('the same id seen again merges names and aliases into one node', async () => {
    await load(
      doc('a.json', articleDoc('first').add('Group', 'taliban', { aliases: ['Islamic Emirate'] }).build()),
      doc('b.json', articleDoc('second').add('Group', 'taliban', { name: 'The Taliban', aliases: ['Taleban'] }).build()),
    );
    const [taliban] = await cypher<{ name: string; aliases: string[] }>(db, "MATCH (n:Entity {id: 'taliban'}) RETURN n.name AS name, n.aliases AS aliases");
    expect(taliban).toEqual({ name: 'Taliban', aliases: ['Islamic Emirate', 'Taleban', 'The Taliban'] });
  });

  test('a new id with a known wikidata id resolves to that entity and the merge is logged', async () => {
    await load(doc('a.json', articleDoc('first').add('State', 'pakistan', { wikidata: 'Q843' }).build()));
    const second = articleDoc('second').add('State', 'islamic-republic-of-pakistan', { wikidata: 'Q843' }).add('Group', 'ttp')
      .claim('THREATENS', 'ttp', 'islamic-republic-of-pakistan').build();
    const report = await load(doc('b.json', second));
    expect(report.merges).toEqual([{ fromId: 'islamic-republic-of-pakistan', intoId: 'pakistan', reason: 'wikidata', matched: 'Q843', file: 'b.json' }]);
    expect(await cypher(db, "MATCH (:Group {id: 'ttp'})-[:THREATENS]->(:State {id: 'pakistan'}) RETURN 1 AS one")).toHaveLength(1);
    const [merge] = await cypher<{ into: string; reason: string }>(db, "MATCH (g:Merge {fromId: 'islamic-republic-of-pakistan'})-[:MERGED_INTO]->(n) RETURN n.id AS into, g.reason AS reason");
    expect(merge).toEqual({ into: 'pakistan', reason: 'wikidata' });
    const [pakistan] = await cypher<{ aliases: string[] }>(db, "MATCH (n:Entity {id: 'pakistan'}) RETURN n.aliases AS aliases");
    expect(pakistan?.aliases).toContain('Islamic Republic Of Pakistan');
  });

  test('a new id whose alias matches a known name of the same type resolves to it', async () => {
    await load(doc('a.json', articleDoc('first').add('Group', 'islamic-state-khorasan-province', { aliases: ['ISIS-K', 'ISKP'] }).build()));
    const report = await load(doc('b.json', articleDoc('second').add('Group', 'iskp', { name: 'Isis K' }).build()));
    expect(report.merges).toMatchObject([{ fromId: 'iskp', intoId: 'islamic-state-khorasan-province', reason: 'name' }]);
    expect(await cypher(db, "MATCH (n:Entity {id: 'iskp'}) RETURN n")).toEqual([]);
  });

  test('a merged id used by a later run still points at the known entity', async () => {
    await load(doc('a.json', articleDoc('first').add('Group', 'islamic-state-khorasan-province', { aliases: ['ISKP'] }).build()));
    await load(doc('b.json', articleDoc('second').add('Group', 'iskp', { name: 'ISKP' }).build()));
    await load(doc('c.json', articleDoc('third').add('Group', 'taliban').claim('FIGHTS', 'taliban', 'iskp').build()));
    expect(await cypher(db, "MATCH (:Group {id: 'taliban'})-[:FIGHTS]->(:Group {id: 'islamic-state-khorasan-province'}) RETURN 1 AS one")).toHaveLength(1);
  });

  test('re-loading a changed article keeps its merge, so the merged id still resolves', async () => {
    await load(doc('a.json', articleDoc('first').add('Group', 'islamic-state-khorasan-province', { aliases: ['ISKP'] }).build()));
    const second = (quote: string) => articleDoc('second').add('Group', 'iskp', { name: 'ISKP' }).add('Group', 'taliban').claim('FIGHTS', 'taliban', 'iskp', { quote }).build();
    await load(doc('b.json', second('first version')));
    await load(doc('b.json', second('second version')));
    expect(await cypher(db, "MATCH (g:Merge {fromId: 'iskp'})-[:MERGED_INTO]->(n) RETURN n.id AS id")).toEqual([{ id: 'islamic-state-khorasan-province' }]);
    expect(await cypher(db, "MATCH (c:Claim {type: 'FIGHTS'})-[:OBJECT]->(n) RETURN n.id AS id, c.quote AS quote")).toEqual([{ id: 'islamic-state-khorasan-province', quote: 'second version' }]);
  });

  test('the same id with another type is refused and nothing is written', async () => {
    await load(doc('a.json', articleDoc('first').add('Group', 'taliban').build()));
    const before = await graphCounts(db);
    const attempt = load(doc('b.json', articleDoc('second').add('State', 'taliban').build()));
    await expect(attempt).rejects.toBeInstanceOf(SeedValidationError);
    await expect(attempt).rejects.toMatchObject({ issues: [expect.objectContaining({ file: 'b.json', path: 'entities[0].type' })] });
    expect(await graphCounts(db)).toEqual(before);
  });
});

describe('all or nothing', () => {
  test('one invalid file means nothing of the run is written', async () => {
    const good = articleDoc('good').add('Group', 'taliban').build();
    const bad = articleDoc('bad').add('Group', 'ttp').claim('SHELTERS', 'ttp', 'nobody').build();
    const attempt = load(doc('a.json', good), doc('b.json', bad));
    await expect(attempt).rejects.toMatchObject({
      issues: [expect.objectContaining({ file: 'b.json', path: 'relations[0].target', message: expect.stringContaining('"nobody"') })],
    });
    expect(await graphCounts(db)).toEqual({});
  });
});

describe('removing an article', () => {
  test('removes the article and only the claims it supports; entities no other article mentions go too', async () => {
    const first = articleDoc('first').add('Group', 'taliban').add('Group', 'ttp').add('State', 'pakistan')
      .claim('SHELTERS', 'taliban', 'ttp').claim('THREATENS', 'ttp', 'pakistan').build();
    const second = articleDoc('second').add('Group', 'taliban').add('Group', 'ttp').claim('SHELTERS', 'taliban', 'ttp', { quote: 'other quote' }).build();
    await load(doc('a.json', first), doc('b.json', second));

    const result = await removeArticle('first', db);

    expect(result).toEqual({ removed: true, relationsDeleted: 2, entitiesDeleted: 1 });
    expect(await cypher(db, 'MATCH (a:Article) RETURN a.id AS id')).toEqual([{ id: 'second' }]);
    expect(await cypher(db, "MATCH (c:Claim {type: 'SHELTERS'}) RETURN c.quote AS quote")).toEqual([{ quote: 'other quote' }]);
    expect(await cypher(db, 'MATCH ()-[r:SHELTERS]->() RETURN r.claimCount AS claims, r.articleCount AS articles')).toEqual([{ claims: 1, articles: 1 }]);
    expect(await aggregateMismatches(db)).toEqual([]);
    expect(await cypher(db, 'MATCH (n:Entity) RETURN n.id AS id ORDER BY id')).toEqual([{ id: 'taliban' }, { id: 'ttp' }]);
  });

  test('an entity another article still names as the actor making a claim is kept', async () => {
    const first = articleDoc('first').add('State', 'pakistan').add('Group', 'taliban').build();
    const second = articleDoc('second').add('Group', 'taliban').add('Group', 'ttp')
      .claim('SHELTERS', 'taliban', 'ttp', { modality: 'alleged', attributedTo: 'pakistan' }).build();
    await load(doc('a.json', first), doc('b.json', second));

    await removeArticle('first', db);

    expect(await cypher(db, "MATCH (n:Entity {id: 'pakistan'}) RETURN n.id AS id")).toEqual([{ id: 'pakistan' }]);
  });

  test('an article with no entities or relations loads and is removed', async () => {
    expect(await load(doc('a.json', articleDoc('empty').build()))).toMatchObject({ created: 1, entitiesCreated: 0, relationsWritten: 0 });
    expect(await removeArticle('empty', db)).toEqual({ removed: true, relationsDeleted: 0, entitiesDeleted: 0 });
  });

  test('an unknown article id removes nothing', async () => {
    expect(await removeArticle('never-loaded', db)).toEqual({ removed: false, relationsDeleted: 0, entitiesDeleted: 0 });
  });
});

describe('values are data, never code', () => {
  test('a hostile name, alias and quote are stored literally', async () => {
    const hostile = "x'}) MATCH (n) DETACH DELETE n //";
    const document = articleDoc('hostile')
      .add('Group', 'hostile-group', { name: hostile, aliases: ['`) RETURN 1 //', '$param {id}'] })
      .add('Group', 'taliban')
      .claim('CRITICIZES', 'hostile-group', 'taliban', { quote: hostile, note: '"; DROP CONSTRAINT entity_id_unique' })
      .build();
    await load(doc('a.json', document));
    const [stored] = await cypher<{ name: string; aliases: string[]; quote: string }>(
      db,
      "MATCH (n:Entity {id: 'hostile-group'})<-[:SUBJECT]-(c:Claim {type: 'CRITICIZES'}) RETURN n.name AS name, n.aliases AS aliases, c.quote AS quote",
    );
    expect(stored).toEqual({ name: hostile, aliases: ['$param {id}', '`) RETURN 1 //'], quote: hostile });
    expect(await cypher(db, 'MATCH (n:Entity) RETURN count(n) AS count')).toEqual([{ count: 2 }]);
  });
});

describe('an unchanged re-run', () => {
  const folderWith = (files: Record<string, unknown>) => {
    const folder = mkdtempSync(join(tmpdir(), 'unchanged-rerun-'));
    for (const [name, json] of Object.entries(files)) writeFileSync(join(folder, name), JSON.stringify(json));
    return folder;
  };

  test('skips a file whose bytes are those of an article in the graph: neither read nor validated', async () => {
    const folder = folderWith({ 'a.json': articleDoc('first').add('Group', 'taliban').build() });
    const files = await listArticleFiles([folder]);
    await seedSources(fileSources(files), db);
    let reads = 0;
    const counted = fileSources(files).map((source) => ({ ...source, read: () => ((reads += 1), source.read()) }));
    const report = await seedSources(counted, db);
    expect(report).toMatchObject({ articles: 1, unchanged: 1, articleIds: ['first'] });
    expect(reads).toBe(0);
  });

  test('a changed file is read, validated and replaces its article', async () => {
    const folder = folderWith({ 'a.json': articleDoc('first').add('Group', 'taliban').build() });
    const files = await listArticleFiles([folder]);
    await seedSources(fileSources(files), db);
    writeFileSync(join(folder, 'a.json'), JSON.stringify(articleDoc('first').add('Group', 'taliban').add('Group', 'ttp').build()));
    expect(await seedSources(fileSources(files), db)).toMatchObject({ replaced: 1, unchanged: 0 });
    expect(await cypher(db, "MATCH (n:Entity {id: 'ttp'}) RETURN n.id AS id")).toEqual([{ id: 'ttp' }]);
  });

  test('a new file may not take the article id of an unchanged one', async () => {
    const folder = folderWith({ 'a.json': articleDoc('first').add('Group', 'taliban').build() });
    await seedSources(fileSources(await listArticleFiles([folder])), db);
    writeFileSync(join(folder, 'b.json'), JSON.stringify(articleDoc('first').add('State', 'pakistan').build()));
    const before = await graphCounts(db);
    const attempt = seedSources(fileSources(await listArticleFiles([folder])), db);
    await expect(attempt).rejects.toMatchObject({
      issues: [expect.objectContaining({ file: expect.stringMatching(/b\.json$/), path: 'article.id', message: expect.stringContaining('a.json') })],
    });
    expect(await graphCounts(db)).toEqual(before);
  });
});
