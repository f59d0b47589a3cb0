/**
 * GraphQL enums derive from the vocabulary: these maps give each SDL value its internal value
 * (the graph's spelling: `STATE` → `State`, `ALLEGED` → `alleged`), and
 * `assertEnumsMatchVocabulary` refuses a schema whose SDL lists other values than the vocabulary.
 */
import { GraphQLEnumType, isInterfaceType, type GraphQLSchema } from 'graphql';
import { POLARITIES, SECTIONS, SOURCE_RELIABILITY_GRADES, STANCES } from '../domain/evidence-vocabulary.ts';
import { ENTITY_TYPES, MODALITIES, RELATION_TYPES, toGraphQLEnum } from '../domain/vocabulary.ts';

/** A GraphQL name cannot hold a hyphen: `quoted-speech` is `QUOTED_SPEECH`. */
type GraphQLName<V extends string> = V extends `${infer Head}-${infer Tail}`
  ? `${Uppercase<Head>}_${GraphQLName<Tail>}`
  : Uppercase<V>;

const graphQLName = (value: string): string => toGraphQLEnum(value).replaceAll('-', '_');

/** `{STATE: 'State', ...}`: typed per value, so the generated resolver types check it against the SDL. */
const byGraphQLName = <Value extends string>(values: readonly Value[]) =>
  Object.fromEntries(values.map((value) => [graphQLName(value), value])) as { [V in Value as GraphQLName<V>]: V };

export const ENUM_VALUES = {
  EntityType: byGraphQLName(ENTITY_TYPES),
  RelationType: byGraphQLName(RELATION_TYPES),
  Modality: byGraphQLName(MODALITIES),
  Stance: byGraphQLName(STANCES),
  Polarity: byGraphQLName(POLARITIES),
  Section: byGraphQLName(SECTIONS),
  SourceReliability: byGraphQLName(SOURCE_RELIABILITY_GRADES),
} as const;

export function assertEnumsMatchVocabulary(schema: GraphQLSchema): void {
  const problems: string[] = [];
  for (const [name, values] of Object.entries(ENUM_VALUES)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLEnumType)) {
      problems.push(`${name} is not an enum in the SDL`);
      continue;
    }
    const inSdl = type
      .getValues()
      .map((value) => value.name)
      .sort();
    const inVocabulary = Object.keys(values).sort();
    if (inSdl.join() !== inVocabulary.join()) {
      problems.push(`${name}: SDL has [${inSdl.join(', ')}], the vocabulary has [${inVocabulary.join(', ')}]`);
    }
  }
  // Entity implementations are the entity types: __resolveType returns the vocabulary's name.
  const entity = schema.getType('Entity');
  const implementations = isInterfaceType(entity)
    ? schema
        .getImplementations(entity)
        .objects.map((type) => type.name)
        .sort()
    : [];
  if (implementations.join() !== [...ENTITY_TYPES].sort().join()) {
    problems.push(
      `Entity is implemented by [${implementations.join(', ')}], the vocabulary has [${ENTITY_TYPES.join(', ')}]`,
    );
  }
  if (problems.length > 0)
    throw new Error(`schema/*.graphql disagrees with src/domain/vocabulary.ts:\n  ${problems.join('\n  ')}`);
}
