import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STANCE_RULES } from '../../src/domain/evidence-vocabulary.ts';
import {
  ACTOR_TYPES,
  ENTITY_TYPES,
  RELATION_RULES,
  V1_ENTITY_TYPES,
  V1_RELATION_TYPES,
  type EntityType,
} from '../../src/domain/vocabulary.ts';
import { resolveRun } from '../../src/ingest/resolve-run.ts';
import { validateArticleFile } from '../../src/ingest/validate-article.ts';

/** docs/extracted-article.md, held to the code it describes. */
const DOC = readFileSync(new URL('../../docs/extracted-article.md', import.meta.url), 'utf8');

const jsonExamples = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] ?? '') as unknown);

/** The rows of the table whose header starts with `header`, as cells. */
function tableRows(header: string): string[][] {
  const lines = DOC.split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const versionsOf = (inV1: boolean) => (inV1 ? '1, 2' : '2');
const typesCell = (types: readonly EntityType[]) => {
  const actors = ACTOR_TYPES.every((type) => types.includes(type));
  return [
    ...(actors ? ['Actor'] : []),
    ...types.filter((type) => !actors || !ACTOR_TYPES.includes(type as never)),
  ].join(', ');
};

describe('docs/extracted-article.md', () => {
  it('has a version 1 and a version 2 example', () => {
    expect(jsonExamples.map((example) => (example as { formatVersion: number }).formatVersion).sort()).toEqual([1, 2]);
  });

  it.each(jsonExamples.map((example, index) => [index, example]))(
    'gives example %i as a valid file, every reference defined in it',
    async (_index, example) => {
      const { article, issues } = validateArticleFile(example, 'example.json');
      expect(issues).toEqual([]);
      const run = await resolveRun([{ file: 'example.json', article: article! }], null);
      expect([...run.issues, ...run.warnings]).toEqual([]);
    },
  );

  it('lists every relation type with its kind, versions and endpoints, as the vocabulary has them', () => {
    expect(tableRows('| type | kind | versions |')).toEqual(
      Object.entries(RELATION_RULES).map(([type, rule]) => [
        type,
        rule.kind,
        versionsOf((V1_RELATION_TYPES as readonly string[]).includes(type)),
        typesCell(rule.sources),
        typesCell(rule.targets),
        rule.description,
      ]),
    );
  });

  it('lists every stance with whether it affirms and the modality it reads as', () => {
    expect(tableRows('| stance |').map(([stance, , affirms, modality]) => [stance, affirms, modality])).toEqual(
      Object.entries(STANCE_RULES).map(([stance, rule]) => [
        `\`${stance}\``,
        rule.affirms ? 'yes' : 'no',
        rule.modality,
      ]),
    );
  });

  it('lists every entity type with the versions that know it', () => {
    expect(tableRows('| type | versions | fields |').map(([type, versions]) => [type, versions])).toEqual(
      ENTITY_TYPES.map((type) => [type, versionsOf((V1_ENTITY_TYPES as readonly string[]).includes(type))]),
    );
  });
});
