/**
 * Replacing or removing an article takes back everything it did: the names, properties and
 * wikidata ids it gave entities, and the merges it caused. What it said conflicts with other
 * articles (another wikidata id for the same entity) is refused, never silently first-wins.
 */
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { resetGraph } from '../../../src/db/article-writer.ts';
import type { Db } from '../../../src/db/driver.ts';
import { SeedValidationError, ingestDocuments, removeArticle } from '../../../src/ingest/seed-run.ts';
import { articleDoc } from '../../fixtures/article-builder.ts';
import { cypher, openCleanTestDb } from '../helpers/test-db.ts';

const db: Db = await openCleanTestDb();

afterAll(async () => {
  await db.driver.close();
});

beforeEach(async () => {
  await resetGraph(db);
});

const load = (file: string, json: unknown) => ingestDocuments([{ file, json }], db);

async function entity(id: string) {
  const [row] = await cypher<{ name: string; aliases: string[]; wikidata: string | null; description: string | null; category: string | null }>(
    db,
    'MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.aliases AS aliases, n.wikidata AS wikidata, n.description AS description, n.category AS category',
    { id },
  );
  return row ?? null;
}

const iskpArticle = (wikidata?: string) =>
  articleDoc('iskp-article')
    .add('Group', 'iskp', { name: 'Islamic State Khorasan Province', aliases: ['ISKP'], ...(wikidata && { wikidata }) })
    .add('Group', 'taliban')
    .claim('FIGHTS', 'taliban', 'iskp')
    .build();

describe('replacing an article', () => {
  test('takes back a wikidata id that only its previous version gave', async () => {
    await load('a.json', iskpArticle('Q1'));
    expect((await entity('iskp'))?.wikidata).toBe('Q1');
    await load('a.json', iskpArticle());
    expect((await entity('iskp'))?.wikidata).toBeNull();
  });

  test('a later entity with that wikidata id is no longer merged into it', async () => {
    await load('a.json', iskpArticle('Q1'));
    await load('a.json', iskpArticle());
    const report = await load('b.json', articleDoc('unrelated').add('Group', 'some-other-group', { wikidata: 'Q1' }).build());
    expect(report.entitiesMerged).toBe(0);
    expect((await entity('some-other-group'))?.wikidata).toBe('Q1');
  });

  test('may change a wikidata id that only it gave', async () => {
    await load('a.json', iskpArticle('Q1'));
    await load('a.json', iskpArticle('Q2'));
    expect((await entity('iskp'))?.wikidata).toBe('Q2');
  });

  test('takes back the description and category its previous version gave', async () => {
    const version = (fields: Record<string, string>) => articleDoc('described').add('Group', 'ttp', fields).build();
    await load('a.json', version({ description: 'first words', category: 'militant' }));
    await load('a.json', version({}));
    expect(await entity('ttp')).toMatchObject({ description: null, category: null });
  });

  test('keeps what an earlier-loaded article says when another changes', async () => {
    await load('a.json', articleDoc('first').add('Group', 'ttp', { description: 'from the first' }).build());
    await load('b.json', articleDoc('second').add('Group', 'ttp', { description: 'from the second', aliases: ['Pakistani Taliban'] }).build());
    await load('b.json', articleDoc('second').add('Group', 'ttp', { description: 'from the second, edited' }).build());
    expect(await entity('ttp')).toMatchObject({ description: 'from the first', aliases: [] });
  });
});

describe('removing an article', () => {
  test('takes back the name and description it gave an entity other articles still mention', async () => {
    await load('a.json', articleDoc('first').add('Group', 'ttp', { name: 'TTP', description: 'said first' }).build());
    await load('b.json', articleDoc('second').add('Group', 'ttp', { name: 'Tehrik-i-Taliban Pakistan' }).build());
    expect(await entity('ttp')).toMatchObject({ name: 'TTP', aliases: ['Tehrik-i-Taliban Pakistan'], description: 'said first' });
    await removeArticle('first', db);
    expect(await entity('ttp')).toMatchObject({ name: 'Tehrik-i-Taliban Pakistan', aliases: [], description: null });
  });

  test('takes back a merge it caused, so the merged id no longer resolves', async () => {
    await load('a.json', articleDoc('first').add('Group', 'ttp', { name: 'Tehrik-i-Taliban Pakistan' }).build());
    const merging = await load('b.json', articleDoc('second').add('Group', 'pakistani-taliban', { name: 'Pakistani Taliban', aliases: ['Tehrik-i-Taliban Pakistan'] }).build());
    expect(merging.merges).toMatchObject([{ fromId: 'pakistani-taliban', intoId: 'ttp' }]);
    await removeArticle('second', db);
    expect(await cypher(db, 'MATCH (g:Merge) RETURN g.fromId AS fromId')).toEqual([]);
    expect((await entity('ttp'))?.aliases).toEqual([]);
  });

  test('keeps a merge another article still uses, now owned by that article', async () => {
    await load('a.json', articleDoc('first').add('Group', 'ttp', { name: 'Tehrik-i-Taliban Pakistan' }).build());
    const second = articleDoc('second').add('Group', 'pakistani-taliban', { name: 'Pakistani Taliban', aliases: ['Tehrik-i-Taliban Pakistan'] }).build();
    await load('b.json', second);
    await load('c.json', articleDoc('third').add('Group', 'pakistani-taliban', { name: 'Pakistani Taliban' }).build());
    await removeArticle('second', db);
    expect(await cypher(db, 'MATCH (g:Merge)-[:MERGED_INTO]->(n) RETURN g.fromId AS fromId, n.id AS into, g.articleId AS articleId')).toEqual([
      { fromId: 'pakistani-taliban', into: 'ttp', articleId: 'third' },
    ]);
  });
});

describe('conflicting values', () => {
  test('another wikidata id for an entity other articles identify is refused, located, and nothing is written', async () => {
    await load('a.json', iskpArticle('Q2'));
    const conflicting = articleDoc('conflicting').add('Group', 'iskp', { name: 'ISKP', wikidata: 'Q1' }).build();
    const refused = load('b.json', conflicting);
    await expect(refused).rejects.toBeInstanceOf(SeedValidationError);
    await expect(refused).rejects.toMatchObject({
      issues: [expect.objectContaining({ file: 'b.json', path: 'entities[0].wikidata', message: expect.stringMatching(/expected Q2.*"iskp-article".*received "Q1"/) })],
    });
    expect(await cypher(db, 'MATCH (a:Article {id: "conflicting"}) RETURN a')).toEqual([]);
    expect((await entity('iskp'))?.wikidata).toBe('Q2');
  });

  test('two files of one run giving an entity different wikidata ids are refused', async () => {
    const first = articleDoc('first').add('Group', 'iskp', { wikidata: 'Q2' }).build();
    const second = articleDoc('second').add('Group', 'iskp', { wikidata: 'Q1' }).build();
    await expect(ingestDocuments([{ file: 'a.json', json: first }, { file: 'b.json', json: second }], db)).rejects.toMatchObject({
      issues: [expect.objectContaining({ file: 'b.json', path: 'entities[0].wikidata' })],
    });
    expect(await cypher(db, 'MATCH (n:Entity) RETURN n')).toEqual([]);
  });
});
