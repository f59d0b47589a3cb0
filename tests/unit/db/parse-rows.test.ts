import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { parseRow, parseRows, UnexpectedRowError } from '../../../src/db/parse-rows.ts';
import { EntityRowSchema, RawAggregatedRelationSchema } from '../../../src/db/rows.ts';
import { ENTITY_PROPERTY_KEYS } from '../../../src/domain/graph-properties.ts';

/** Every entity property of the graph-properties list, null but the State's own. */
const pakistan = {
  ...Object.fromEntries(ENTITY_PROPERTY_KEYS.map((key) => [key, null])),
  id: 'pakistan',
  type: 'State',
  name: 'Pakistan',
  aliases: [],
  wikidata: 'Q843',
  iso3: 'PAK',
};

const relation = {
  type: 'CRITICIZES',
  sourceId: 'pakistan',
  targetId: 'taliban',
  viaId: '',
  articleCount: 2,
  firstSeen: '2024-03',
  lastSeen: '2024-09',
  sourceEntity: pakistan,
};

describe('rows from Neo4j are parsed, not cast', () => {
  test('a row of the expected shape comes back as it is', () => {
    expect(parseRow(EntityRowSchema, pakistan, 'entity')).toEqual(pakistan);
    expect(parseRow(RawAggregatedRelationSchema, relation, 'relation')).toEqual(relation);
  });

  test('a missing property fails, naming the query value and the field', () => {
    const { name: _name, ...nameless } = pakistan;
    expect(() =>
      parseRow(RawAggregatedRelationSchema, { ...relation, sourceEntity: nameless }, 'relations page'),
    ).toThrow(/unexpected relations page\.sourceEntity\.name: .*expected string/);
  });

  test('a value outside the vocabulary fails', () => {
    expect(() => parseRow(EntityRowSchema, { ...pakistan, type: 'Country' }, 'entity')).toThrow(UnexpectedRowError);
    expect(() => parseRow(RawAggregatedRelationSchema, { ...relation, type: 'LIKES' }, 'relation')).toThrow(/\.type/);
  });

  test('an entity row lacking a property of the graph-properties list fails', () => {
    const { iso3: _iso3, ...withoutIso3 } = pakistan;
    expect(() => parseRow(EntityRowSchema, withoutIso3, 'entity')).toThrow(/entity\.iso3/);
  });

  test('parseRows names the position of the record that failed', () => {
    expect(() => parseRows(z.object({ id: z.string() }), [{ id: 'a' }, { id: 1 }], 'ids')).toThrow(/ids\[1\]\.id/);
  });

  test('no record where one was expected fails too', () => {
    expect(() => parseRow(z.object({ id: z.string() }), undefined, 'path')).toThrow(/unexpected path: /);
  });
});
