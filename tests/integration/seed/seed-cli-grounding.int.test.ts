import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { articleDocV2, held } from '../../fixtures/article-builder.ts';
import { cliTestSetup, runCli } from '../helpers/cli-workdir.ts';
import { cypher } from '../helpers/test-db.ts';

const { db, folderWith } = await cliTestSetup('geograph-seed-grounding-');
const seedCli = (args: string[]) => runCli('seed.ts', args);

/** Two claims, quoted from the text when it has one. */
const article = (id: string, withText: boolean) => {
  const doc = articleDocV2(id)
    .add('State', 'pakistan')
    .add('Group', 'taliban')
    .add('Group', 'ttp')
    .claim('SHELTERS', 'taliban', 'ttp', {
      quote: '“are being sheltered” by the Taliban',
      attributions: [held('pakistan', 'alleges')],
    })
    .claim('CRITICIZES', 'pakistan', 'taliban', { quote: 'Islamabad — angrily — criticized' })
    .relation('OPERATES_IN', 'ttp', 'pakistan');
  return (withText ? doc.groundedInQuotes() : doc).build();
};

describe('npm run seed and the article texts', () => {
  test('prints the grounding coverage: claims with offsets, and articles with text', () => {
    const folder = folderWith('coverage', { 'a.json': article('with-text', true), 'b.json': article('without', false) });
    const { code, stdout } = seedCli([folder]);
    expect(code).toBe(0);
    expect(stdout).toContain('grounding: claims with offsets 2/4 (50%), articles with text 1/2 (50%)');
  });

  test('stores the offsets of every quote of an article with text', async () => {
    const folder = folderWith('offsets', { 'a.json': article('with-text', true) });
    expect(seedCli([folder]).code).toBe(0);
    const rows = await cypher<{ quote: string; located: string }>(
      db,
      `MATCH (a:Article)-[:CLAIMS]->(c:Claim) WHERE c.quote IS NOT NULL
       RETURN c.quote AS quote, substring(a.text, c.quoteStart, c.quoteEnd - c.quoteStart) AS located ORDER BY c.ordinal`,
    );
    expect(rows).toEqual([
      { quote: '“are being sheltered” by the Taliban', located: '“are being sheltered” by the Taliban' },
      { quote: 'Islamabad — angrily — criticized', located: 'Islamabad — angrily — criticized' },
    ]);
  });

  test('--require-text refuses an article without text, naming the file, and writes nothing', async () => {
    const folder = folderWith('required', { 'a.json': article('with-text', true), 'b.json': article('without', false) });
    const { code, stderr } = seedCli(['--require-text', folder]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `✖ ${relative(process.cwd(), join(folder, 'b.json'))} → article.text: expected the article text (--require-text)`,
    );
    expect(stderr).toContain('1 problem in the input; nothing was written.');
    expect(await cypher(db, 'MATCH (n) WHERE NOT n:IngestLock RETURN n LIMIT 1')).toEqual([]);
  });

  test('--require-text loads a run whose every article has its text, and reads unchanged files again', () => {
    const folder = folderWith('all-texts', { 'a.json': article('with-text', true) });
    expect(seedCli(['--require-text', folder]).code).toBe(0);
    const again = seedCli(['--require-text', folder]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/articles: +1 \(0 new, 0 replaced, 1 unchanged\)/);
    expect(again.stdout).toContain('grounding: claims with offsets 2/2 (100%), articles with text 1/1 (100%)');
  });

  test('--dry-run --require-text reports the article without text too', () => {
    const folder = folderWith('dry', { 'b.json': article('without', false) });
    const { code, stderr } = seedCli(['--dry-run', '--require-text', folder]);
    expect(code).toBe(1);
    expect(stderr).toContain('→ article.text: expected the article text (--require-text)');
  });
});
