/**
 * The GraphQL contract, version 1, as the spec writes it: every type, field, argument (with its
 * default) and enum value must exist in schema/*.graphql with exactly that name and type.
 * The API may offer more; it may not offer less.
 */
import {
  buildSchema as buildSdl,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, test } from 'vitest';
import { buildSchema } from '../../../src/graphql/schema.ts';

const CONTRACT = `
scalar JSON
enum EntityType { STATE GROUP PERSON MEETING STATEMENT }
enum RelationType {
  CRITICIZES SHELTERS THREATENS SUPPORTS OPPOSES CALLS_ON BLAMES FIGHTS COOPERATES_WITH
  ATTENDED ISSUED MEMBER_OF REPRESENTS OPERATES_IN
}
enum Modality { ASSERTED ALLEGED IMPLIED DENIED SPECULATED }
enum Direction { OUT IN BOTH }

interface Entity {
  id: ID!
  type: EntityType!
  name: String!
  aliases: [String!]!
  description: String
  wikidata: String
  relations(direction: Direction = BOTH, types: [RelationType!], first: Int = 50): [Relation!]!
  articles(first: Int = 20): [Article!]!
}

type Relation {
  id: ID!
  type: RelationType!
  source: Entity!
  target: Entity!
  via: Entity
  evidence: [Evidence!]!
  articleCount: Int!
  firstSeen: String
  lastSeen: String
}

type Evidence {
  quote: String
  modality: Modality!
  confidence: Float!
  attributedTo: Entity
  date: String
  demand: String
  article: Article!
}

type Article {
  id: ID!
  title: String!
  url: String
  publisher: String
  publishedAt: String!
  authors: [Person!]!
  entities: [Entity!]!
  relations: [Relation!]!
}

type Person implements Entity {
  id: ID!
  type: EntityType!
  name: String!
  aliases: [String!]!
  description: String
  wikidata: String
  relations(direction: Direction = BOTH, types: [RelationType!], first: Int = 50): [Relation!]!
  articles(first: Int = 20): [Article!]!
}

input RelationFilter {
  source: ID
  target: ID
  types: [RelationType!]
  minConfidence: Float
  modalities: [Modality!]
  since: String
  until: String
  includeStatements: Boolean = false
}

type PageInfo { hasNextPage: Boolean!, endCursor: String }
type RelationEdge { cursor: String!, node: Relation! }
type RelationConnection { edges: [RelationEdge!]!, pageInfo: PageInfo!, totalCount: Int! }

type Path { length: Int!, nodes: [Entity!]!, relations: [Relation!]! }
type Subgraph { nodes: [Entity!]!, relations: [Relation!]! }

type Query {
  entity(id: ID!): Entity
  search(query: String!, types: [EntityType!], first: Int = 10): [Entity!]!
  relations(filter: RelationFilter, first: Int = 50, after: String): RelationConnection!
  path(from: ID!, to: ID!, maxHops: Int = 4, types: [RelationType!]): Path
  neighborhood(id: ID!, depth: Int = 1, types: [RelationType!]): Subgraph!
  article(id: ID!): Article
}

type IngestReport {
  article: Article!
  entitiesCreated: Int!
  entitiesMerged: Int!
  relationsWritten: Int!
}

type Mutation {
  ingestArticle(document: JSON!): IngestReport!
}
`;

/** The contract's comment: "State, Group, Person, Meeting, Statement implement Entity with their own fields". */
const TYPE_SPECIFIC: Record<string, string[]> = {
  State: ['iso3'],
  Group: ['category'],
  Person: ['role'],
  Meeting: ['date', 'location', 'attendees'],
  Statement: ['date', 'summary', 'issuedBy'],
};

function differences(contract: GraphQLSchema, ours: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    const mine = ours.getType(type.name);
    if (!mine) {
      problems.push(`missing type ${type.name}`);
      continue;
    }
    if (mine.constructor.name !== type.constructor.name)
      problems.push(`${type.name} is a ${mine.constructor.name}, not a ${type.constructor.name}`);
    if (isEnumType(type) && isEnumType(mine)) {
      const values = mine.getValues().map((value) => value.name);
      for (const value of type.getValues())
        if (!values.includes(value.name)) problems.push(`missing enum value ${type.name}.${value.name}`);
    }
    if (
      (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) &&
      (isObjectType(mine) || isInterfaceType(mine) || isInputObjectType(mine))
    ) {
      const fields = mine.getFields();
      for (const field of Object.values(type.getFields())) {
        const other = fields[field.name];
        const where = `${type.name}.${field.name}`;
        if (!other) {
          problems.push(`missing field ${where}`);
          continue;
        }
        if (String(other.type) !== String(field.type))
          problems.push(`${where} is ${String(other.type)}, not ${String(field.type)}`);
        if ('defaultValue' in field && 'defaultValue' in other && field.defaultValue !== other.defaultValue) {
          problems.push(`${where} defaults to ${String(other.defaultValue)}, not ${String(field.defaultValue)}`);
        }
        if ('args' in field && 'args' in other) {
          for (const arg of field.args) {
            const mineArg = other.args.find((candidate) => candidate.name === arg.name);
            if (!mineArg) problems.push(`missing argument ${where}(${arg.name})`);
            else if (String(mineArg.type) !== String(arg.type))
              problems.push(`${where}(${arg.name}) is ${String(mineArg.type)}, not ${String(arg.type)}`);
            else if (JSON.stringify(mineArg.defaultValue) !== JSON.stringify(arg.defaultValue)) {
              problems.push(
                `${where}(${arg.name}) defaults to ${JSON.stringify(mineArg.defaultValue)}, not ${JSON.stringify(arg.defaultValue)}`,
              );
            }
          }
          // Arguments the contract does not know must be optional, or the contract's calls would fail.
          const known = new Set(field.args.map((arg: GraphQLArgument) => arg.name));
          for (const extra of other.args) {
            if (!known.has(extra.name) && String(extra.type).endsWith('!') && extra.defaultValue === undefined) {
              problems.push(`${where}(${extra.name}) is required but not in the contract`);
            }
          }
        }
      }
    }
  }
  return problems;
}

describe('schema/*.graphql against the contract', () => {
  const ours = buildSchema();

  test('every contract type, field, argument, default and enum value exists, with the same type', () => {
    expect(differences(buildSdl(CONTRACT), ours)).toEqual([]);
  });

  test('every entity type implements Entity with its own fields', () => {
    for (const [name, fields] of Object.entries(TYPE_SPECIFIC)) {
      const type = ours.getType(name);
      expect(isObjectType(type) && type.getInterfaces().map((i) => i.name)).toEqual(['Entity']);
      if (isObjectType(type)) expect(Object.keys(type.getFields())).toEqual(expect.arrayContaining(fields));
    }
  });

  test('the difference check itself catches a missing argument and a changed default', () => {
    const weaker = buildSdl(CONTRACT.replace('first: Int = 10', 'first: Int = 5').replace(', after: String', ''));
    expect(differences(buildSdl(CONTRACT), weaker)).toEqual([
      'Query.search(first) defaults to 5, not 10',
      'missing argument Query.relations(after)',
    ]);
  });
});
