import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resetGraph } from '../../../src/db/article-writer.ts';
import { validateArticleFile } from '../../../src/ingest/validate-article.ts';
import { articleDoc, articleDocV2 } from '../../fixtures/article-builder.ts';
import { cliTestSetup, runCli } from '../helpers/cli-workdir.ts';
import { cypher, graphFingerprint } from '../helpers/test-db.ts';

const { db, workdir, folderWith } = await cliTestSetup('geograph-format-upgrade-');
const upgradeCli = (args: string[]) => runCli('format-upgrade.ts', args);
const seedCli = (args: string[]) => runCli('seed.ts', args);

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** A version 1 article with every modality, attributed and not. */
const v1Article = (id: string) =>
  articleDoc(id)
    .article({ text: 'Pakistan says the TTP are being sheltered by the Taliban, which the Taliban deny.' })
    .add('State', 'pakistan')
    .add('Group', 'taliban')
    .add('Group', 'ttp')
    .claim('SHELTERS', 'taliban', 'ttp', {
      quote: 'are being sheltered',
      modality: 'alleged',
      attributedTo: 'pakistan',
    })
    .claim('SHELTERS', 'taliban', 'ttp', { quote: 'sheltered by the Taliban', modality: 'implied', confidence: 0.6 })
    .claim('SHELTERS', 'taliban', 'ttp', { quote: 'the Taliban deny', modality: 'denied', attributedTo: 'taliban' })
    .claim('CRITICIZES', 'pakistan', 'taliban', { quote: 'Pakistan says', modality: 'speculated' })
    .claim('CRITICIZES', 'pakistan', 'ttp', { quote: 'Pakistan says the TTP' })
    .relation('OPERATES_IN', 'ttp', 'pakistan')
    .build();

/** Every claim as the graph stores it, by id: what loading a file decided. */
async function claims(): Promise<unknown[]> {
  return cypher(
    db,
    `MATCH (c:Claim)
     RETURN c.id AS id, properties(c) AS props,
            COLLECT { MATCH (c)-[h:HELD_BY]->(x) RETURN [h.order, h.stance, h.reportedBy, coalesce(x.id, 'article')] } AS heldBy
     ORDER BY id`,
  );
}

describe('npm run format:upgrade', () => {
  test('rewrites a version 1 file as a version 2 file that validates and loads to the same claims', async () => {
    const v1 = folderWith('same-claims', { 'a.json': v1Article('same-claims') });
    const out = join(workdir, 'same-claims-v2');
    const upgraded = upgradeCli(['--out', out, v1]);
    expect(upgraded.code, upgraded.stderr).toBe(0);
    expect(upgraded.stdout).toContain('Rewrote 1 file as format version 2.');

    const document = readJson(join(out, 'a.json'));
    const validation = validateArticleFile(document, 'a.json');
    expect(validation.issues).toEqual([]);
    expect(validation.article?.formatVersion).toBe(2);

    expect(seedCli([v1]).code).toBe(0);
    const fromV1 = { claims: await claims(), graph: await graphFingerprint(db) };
    await resetGraph(db);
    expect(seedCli([out]).code).toBe(0);
    expect({ claims: await claims(), graph: await graphFingerprint(db) }).toEqual(fromV1);
  });

  test('the version 2 file loaded over its version 1 file changes nothing', () => {
    const v1 = folderWith('over', { 'a.json': v1Article('over') });
    const out = join(workdir, 'over-v2');
    expect(upgradeCli(['--out', out, v1]).code).toBe(0);
    expect(seedCli([v1]).code).toBe(0);
    expect(seedCli([out]).stdout).toMatch(/articles: +1 \(0 new, 0 replaced, 1 unchanged\)/);
  });

  test('prints the version 2 document of the one file it is given, and writes nothing', () => {
    const v1 = folderWith('print', { 'a.json': v1Article('print') });
    const before = readFileSync(join(v1, 'a.json'), 'utf8');
    const { code, stdout } = upgradeCli([join(v1, 'a.json')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ formatVersion: 2 });
    expect(readFileSync(join(v1, 'a.json'), 'utf8')).toBe(before);
  });

  test('--write rewrites version 1 files in place and leaves version 2 files as they are', () => {
    const folder = folderWith('in-place', {
      'a.json': v1Article('in-place-a'),
      'b.json': articleDocV2('in-place-b').add('State', 'pakistan').build(),
    });
    const v2Before = readFileSync(join(folder, 'b.json'), 'utf8');
    const { code, stdout } = upgradeCli(['--write', folder]);
    expect(code).toBe(0);
    expect(stdout).toContain('Rewrote 1 file as format version 2; 1 already version 2, left as it was.');
    expect(readJson(join(folder, 'a.json'))).toMatchObject({ formatVersion: 2 });
    expect(readFileSync(join(folder, 'b.json'), 'utf8')).toBe(v2Before);
  });

  test("refuses an invalid file with the validator's messages and writes nothing", () => {
    const folder = folderWith('invalid', {
      'a.json': v1Article('invalid-a'),
      'b.json': articleDoc('invalid-b')
        .add('State', 's')
        .add('State', 't')
        .claim('THREATENS', 's', 't', { confidence: 2 })
        .build(),
    });
    const before = readFileSync(join(folder, 'a.json'), 'utf8');
    const out = join(workdir, 'invalid-out');
    const { code, stderr } = upgradeCli(['--out', out, folder]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `✖ ${relative(process.cwd(), join(folder, 'b.json'))} → relations[0].confidence: expected a number greater than 0 and at most 1, received 2`,
    );
    expect(stderr).toContain('1 problem in the input; nothing was written.');
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(join(folder, 'a.json'), 'utf8')).toBe(before);
  });

  test('keeps the folders under the folder it is given when it writes elsewhere', () => {
    const folder = folderWith('nested', {});
    cpSync(folderWith('nested-source', { 'a.json': v1Article('nested-a') }), join(folder, 'inner'), {
      recursive: true,
    });
    const out = join(workdir, 'nested-out');
    expect(upgradeCli(['--out', out, folder]).code).toBe(0);
    expect(existsSync(join(out, 'inner', 'a.json'))).toBe(true);
  });

  test('asks for --write or --out when given several files, and takes only one of them', () => {
    const folder = folderWith('several', { 'a.json': v1Article('several-a'), 'b.json': v1Article('several-b') });
    const several = upgradeCli([folder]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('2 files found: give --write or --out <dir> to rewrite several.');
    expect(upgradeCli(['--write', '--out', workdir, folder]).code).toBe(2);
    expect(upgradeCli([]).code).toBe(2);
  });
});
