import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLEnumType } from 'graphql';
import { describe, expect, test } from 'vitest';
import { POLARITIES, SECTIONS, SOURCE_RELIABILITY_GRADES, STANCES } from '../../../src/domain/evidence-vocabulary.ts';
import { ENTITY_TYPES, MODALITIES, RELATION_TYPES } from '../../../src/domain/vocabulary.ts';
import { assertEnumsMatchVocabulary } from '../../../src/graphql/enums.ts';
import { buildSchema, readTypeDefs } from '../../../src/graphql/schema.ts';

describe('GraphQL enums and the vocabulary', () => {
  const schema = buildSchema();
  const internalValues = (name: string) =>
    (schema.getType(name) as GraphQLEnumType).getValues().map((value) => value.value);

  test('each enum value stands for the vocabulary spelling', () => {
    expect(internalValues('EntityType')).toEqual([...ENTITY_TYPES]);
    expect(internalValues('RelationType')).toEqual([...RELATION_TYPES]);
    expect(internalValues('Modality')).toEqual([...MODALITIES]);
    expect(internalValues('Stance')).toEqual([...STANCES]);
    expect(internalValues('Polarity')).toEqual([...POLARITIES]);
    expect(internalValues('Section')).toEqual([...SECTIONS]);
    expect(internalValues('SourceReliability')).toEqual([...SOURCE_RELIABILITY_GRADES]);
  });

  test('a vocabulary value with a hyphen is spelled with an underscore in GraphQL', () => {
    const section = schema.getType('Section') as GraphQLEnumType;
    expect(section.getValue('QUOTED_SPEECH')?.value).toBe('quoted-speech');
  });

  test('a schema whose SDL leaves out a vocabulary value is refused', () => {
    const typeDefs = readTypeDefs().map((sdl) => sdl.replace(/\n {2}OPERATES_IN\n/, '\n'));
    const truncated = makeExecutableSchema({ typeDefs });
    expect(() => assertEnumsMatchVocabulary(truncated)).toThrow(
      /RelationType: SDL has .* the vocabulary has .*OPERATES_IN/,
    );
  });
});
