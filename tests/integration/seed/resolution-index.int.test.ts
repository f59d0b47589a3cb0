import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { resetGraph } from '../../../src/db/article-writer.ts';
import type { Db } from '../../../src/db/driver.ts';
import { graphEntityLookup } from '../../../src/db/known-entities.repo.ts';
import { ENTITY_NORMALIZED_NAMES_INDEX } from '../../../src/db/schema-statements.ts';
import { ingestDocuments } from '../../../src/ingest/seed-run.ts';
import { articleDoc } from '../../fixtures/article-builder.ts';
import { cypher, openCleanTestDb } from '../helpers/test-db.ts';

const db: Db = await openCleanTestDb();

afterAll(async () => {
  await db.driver.close();
});

beforeEach(async () => {
  await resetGraph(db);
});

const lookup = graphEntityLookup(db);
const idsOf = async (found: Promise<Array<{ id: string }>>) => (await found).map(({ id }) => id).sort();

interface Plan {
  operatorType: string;
  children: Plan[];
}
const operatorsOf = (plan: Plan): string[] => [plan.operatorType.replace(/@.*/, ''), ...plan.children.flatMap(operatorsOf)];

describe('entity resolution finds names through the normalizedNames full-text index', () => {
  test('the index holds each normalized name as one exact term, updated in the writing transaction', async () => {
    const [index] = await cypher<{ labels: string[]; properties: string[]; options: { indexConfig: Record<string, unknown> } }>(
      db,
      'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes AS labels, properties, options WHERE name = $name RETURN labels, properties, options',
      { name: ENTITY_NORMALIZED_NAMES_INDEX },
    );
    expect(index).toMatchObject({
      labels: ['Entity'],
      properties: ['normalizedNames'],
      options: { indexConfig: { 'fulltext.analyzer': 'keyword', 'fulltext.eventually_consistent': false } },
    });
  });

  test('a name an earlier run wrote resolves a new id into its entity, read through the index', async () => {
    await ingestDocuments(
      [{ file: 'a.json', json: articleDoc('first').add('Group', 'tehrik-i-taliban-pakistan', { name: 'Tehrik-i-Taliban Pakistan', aliases: ['TTP'] }).build() }],
      db,
    );

    // The lookup's own query: an index lookup per name, no scan of a label.
    const queries: Array<{ query: string; parameters: Record<string, unknown> }> = [];
    const spied = graphEntityLookup({
      database: db.database,
      driver: {
        executeQuery: (query: string, parameters: Record<string, unknown>, config: unknown) => {
          queries.push({ query, parameters });
          return db.driver.executeQuery(query, parameters, config as never);
        },
      } as unknown as Db['driver'],
    });
    expect(await idsOf(spied.byNormalizedNames('Group', ['ttp', 'nobody']))).toEqual(['tehrik-i-taliban-pakistan']);
    const [{ query, parameters }] = queries as [{ query: string; parameters: Record<string, unknown> }];
    const { summary } = await db.driver.executeQuery(`PROFILE ${query}`, parameters, { database: db.database });
    const operators = operatorsOf(summary.profile as unknown as Plan);
    expect(operators).toContain('ProcedureCall');
    expect(operators.filter((operator) => /Scan/.test(operator))).toEqual([]);

    // Other types are not matched.
    expect(await lookup.byNormalizedNames('State', ['ttp'])).toEqual([]);

    const report = await ingestDocuments(
      [{ file: 'b.json', json: articleDoc('second').add('Group', 'pakistani-taliban', { name: 'Tehrik i Taliban  Pakistan' }).build() }],
      db,
    );
    expect(report.merges).toEqual([
      { fromId: 'pakistani-taliban', intoId: 'tehrik-i-taliban-pakistan', reason: 'name', matched: 'tehrik i taliban pakistan', file: 'b.json' },
    ]);
  });

  test('a name with Lucene syntax in it is matched exactly, as characters, and near misses are not', async () => {
    // Normalization drops punctuation, so these names cannot come from a file: written here directly.
    const odd = ['a "b": (c)\\d*', 'x AND y', 'NOT', 'a*', 'f?o', 'title:x', '[a TO z]', '"', '\\', 'tab\there'];
    await cypher(
      db,
      `CREATE (:Entity:Group {id: 'odd', type: 'Group', name: 'Odd', aliases: [], normalizedNames: $odd})
       CREATE (:Entity:Group {id: 'plain', type: 'Group', name: 'Plain', aliases: [], normalizedNames: ['abc', 'foo', 'x', 'y', 'a b c d', 'title', 'b']})`,
      { odd },
    );
    for (const name of odd) expect(await idsOf(lookup.byNormalizedNames('Group', [name])), name).toEqual(['odd']);
    const nearMisses = ['a "b": (c)\\d', 'a b c d*', 'x and y', 'not', 'a', 'a**', 'f', 'fo', 'x', 'title:', '[a to z]', '""', '\\\\', 'tab here', 'tab'];
    for (const name of nearMisses) {
      const expected = ['x', 'title'].includes(name) ? ['plain'] : [];
      expect(await idsOf(lookup.byNormalizedNames('Group', [name])), name).toEqual(expected);
    }
    expect(await idsOf(lookup.byNormalizedNames('Group', ['ab*', 'abc', 'NOT']))).toEqual(['odd', 'plain']);
  });
});
