import { STATEMENT_SOURCE_TYPES, type RelationType } from '../../domain/vocabulary.ts';
import type { Direction } from '../../db/relations.repo.ts';
import type { EntityRow } from '../../db/rows.ts';
import { checkFirst, relationTypes } from '../args.ts';
import type { GraphQLContext } from '../context.ts';
import { LIMITS } from '../limits.ts';

interface RelationsArgs {
  direction: Direction;
  types?: RelationType[] | null;
  first: number;
  includeStatements: boolean;
}

/** The fields of the Entity interface, the same for every implementation. */
const entityFields = {
  relations: (entity: EntityRow, args: RelationsArgs, ctx: GraphQLContext) =>
    ctx.loaders
      .entityRelations({
        direction: args.direction,
        types: relationTypes(args.types),
        first: checkFirst(args.first, LIMITS.entityRelations),
        includeStatements: args.includeStatements,
      })
      .load(entity.id),
  articles: (entity: EntityRow, args: { first: number }, ctx: GraphQLContext) =>
    ctx.loaders.articlesOfEntity('mentioning', checkFirst(args.first, LIMITS.articles)).load(entity.id),
};

export const entityResolvers = {
  Entity: {
    // The GraphQL type names are the vocabulary's entity types (checked at start-up).
    __resolveType: (entity: EntityRow) => entity.type,
  },
  State: entityFields,
  Group: entityFields,
  Person: {
    ...entityFields,
    authored: (person: EntityRow, args: { first: number }, ctx: GraphQLContext) =>
      ctx.loaders.articlesOfEntity('authored', checkFirst(args.first, LIMITS.articles)).load(person.id),
  },
  Meeting: {
    ...entityFields,
    attendees: (meeting: EntityRow, _args: unknown, ctx: GraphQLContext) =>
      ctx.loaders.linkedEntities('attendees').load(meeting.id),
    statements: (meeting: EntityRow, _args: unknown, ctx: GraphQLContext) =>
      ctx.loaders.linkedEntities('meetingStatements').load(meeting.id),
  },
  Statement: {
    ...entityFields,
    issuedBy: (statement: EntityRow, _args: unknown, ctx: GraphQLContext) =>
      ctx.loaders.linkedEntities('issuers').load(statement.id),
    claims: async (
      statement: EntityRow,
      args: { types?: RelationType[] | null; first: number },
      ctx: GraphQLContext,
    ) => {
      // A statement's claims are of the types a Statement may be the source of.
      const types = relationTypes(args.types).filter((type) => STATEMENT_SOURCE_TYPES.includes(type));
      const first = checkFirst(args.first, LIMITS.entityRelations);
      if (types.length === 0) return [];
      return ctx.loaders
        .entityRelations({ direction: 'OUT', types, first, includeStatements: false })
        .load(statement.id);
    },
  },
};
