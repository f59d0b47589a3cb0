import { buildSchema, getNamedType, isLeafType, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, test } from 'vitest';
import { entityProjection, evidenceProjection, articleProjection } from '../../src/db/projections.cypher.ts';
import { ArticleRowSchema, EntityRowSchema, EvidenceRowSchema } from '../../src/db/rows.ts';
import { ENTITY_COMMON_PROPS, entityTypeProps } from '../../src/domain/article.schema.ts';
import { ARTICLE_PROPERTY_KEYS, CLAIM_PROPERTY_KEYS, ENTITY_PROPERTY_KEYS } from '../../src/domain/graph-properties.ts';
import { ENTITY_TYPES } from '../../src/domain/vocabulary.ts';
import { readTypeDefs } from '../../src/graphql/schema.ts';

const sdl: GraphQLSchema = buildSchema(readTypeDefs().join('\n'));

/** The fields of an SDL type that are stored values: no arguments, a scalar or enum (or a list of them). */
function storedFields(typeName: string): string[] {
  const type = sdl.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the SDL`);
  return Object.values(type.getFields())
    .filter((field) => field.args.length === 0 && isLeafType(getNamedType(field.type)))
    .map((field) => field.name);
}

const sorted = (names: Iterable<string>) => [...names].sort();
/** Every key a projection map (`v {.a, b: ..., .c}`) sets, in its order. */
const projectedKeys = (projection: string) =>
  [...projection.matchAll(/[{,]\s*(?:\.(\w+)|(\w+):)/g)].map((m) => m[1] ?? m[2]);

describe('the entity, claim and article property lists, against schema/api.graphql', () => {
  test.each(ENTITY_TYPES)(
    'the stored fields of %s are the identity fields, the common and its own properties',
    (type) => {
      expect(sorted(storedFields(type))).toEqual(
        sorted(['id', 'type', 'name', 'aliases', ...ENTITY_COMMON_PROPS, ...entityTypeProps(type)]),
      );
    },
  );

  test('an entity row holds every entity type’s properties, as the projection reads them', () => {
    const expected = ['id', 'type', 'name', 'aliases', ...ENTITY_PROPERTY_KEYS];
    expect(Object.keys(EntityRowSchema.shape)).toEqual(expected);
    expect(projectedKeys(entityProjection('n'))).toEqual(expected);
    expect(sorted(new Set(ENTITY_TYPES.flatMap(storedFields)))).toEqual(sorted(expected));
  });

  test('every Evidence field is a claim property, its id, attributions or article; the date and span bounds are stored for filters only', () => {
    const forFilters = ['dateStart', 'dateEnd', 'validStart', 'validEnd'];
    const served = CLAIM_PROPERTY_KEYS.filter((key) => !forFilters.includes(key));
    const sdlType = sdl.getType('Evidence');
    if (!isObjectType(sdlType)) throw new Error('Evidence is not an object type');
    expect(sorted(Object.keys(sdlType.getFields()))).toEqual(sorted(['id', ...served, 'attributions', 'article']));
  });

  test('an evidence row is what the projection reads: its id, article and position, the claim properties and attributions', () => {
    const expected = ['id', 'articleId', 'ordinal', ...CLAIM_PROPERTY_KEYS, 'attributions'];
    expect(projectedKeys(evidenceProjection('c')).slice(0, expected.length)).toEqual(expected);
    expect(sorted(Object.keys(EvidenceRowSchema.shape))).toEqual(sorted([...expected, 'article']));
  });

  test('the stored fields of Article are the article properties (and the text, served apart), as the projection and the row read them', () => {
    expect(sorted(storedFields('Article'))).toEqual(sorted([...ARTICLE_PROPERTY_KEYS, 'text']));
    expect(projectedKeys(articleProjection('a'))).toEqual(ARTICLE_PROPERTY_KEYS);
    expect(sorted(Object.keys(ArticleRowSchema.shape))).toEqual(sorted(ARTICLE_PROPERTY_KEYS));
  });

  test('every property key is a plain identifier, safe as Cypher text', () => {
    for (const key of [...ENTITY_PROPERTY_KEYS, ...CLAIM_PROPERTY_KEYS, ...ARTICLE_PROPERTY_KEYS]) {
      expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
    }
  });
});
