import { STATEMENT_SOURCE_TYPES } from '../../domain/vocabulary.ts';
import { checkFirst, relationTypes } from '../args.ts';
import type { GraphQLContext } from '../context.ts';
import type { EntityResolvers, Resolvers } from '../generated/resolvers-types.ts';
import { LIMITS } from '../limits.ts';

/** Where a meeting or an event took place: the first place it is LOCATED_IN (by name). */
const placeOf = async (ctx: GraphQLContext, id: string) =>
  (await ctx.loaders.linkedEntities('place').load(id))[0] ?? null;

/** The fields of the Entity interface, the same for every implementation. */
const entityFields = {
  unnamed: (entity) => entity.unnamed === true,
  relations: (entity, args, ctx) =>
    ctx.loaders
      .entityRelations({
        direction: args.direction,
        types: relationTypes(args.types),
        first: checkFirst(args.first, LIMITS.entityRelations),
        includeStatements: args.includeStatements,
      })
      .load(entity.id),
  articles: (entity, args, ctx) =>
    ctx.loaders.articlesOfEntity('mentioning', checkFirst(args.first, LIMITS.articles)).load(entity.id),
} satisfies Omit<EntityResolvers, '__resolveType'>;

export const entityResolvers = {
  Entity: {
    // The GraphQL type names are the vocabulary's entity types (checked at start-up).
    __resolveType: (entity) => entity.type,
  },
  State: entityFields,
  Group: entityFields,
  Person: {
    ...entityFields,
    authored: (person, args, ctx) =>
      ctx.loaders.articlesOfEntity('authored', checkFirst(args.first, LIMITS.articles)).load(person.id),
  },
  Meeting: {
    ...entityFields,
    attendees: (meeting, _args, ctx) => ctx.loaders.linkedEntities('attendees').load(meeting.id),
    statements: (meeting, _args, ctx) => ctx.loaders.linkedEntities('meetingStatements').load(meeting.id),
    place: (meeting, _args, ctx) => placeOf(ctx, meeting.id),
  },
  Place: entityFields,
  Event: {
    ...entityFields,
    hypothetical: (event) => event.hypothetical === true,
    place: (event, _args, ctx) => placeOf(ctx, event.id),
    participants: (event, _args, ctx) => ctx.loaders.linkedEntities('participants').load(event.id),
  },
  Project: entityFields,
  Collective: {
    ...entityFields,
    members: (collective, _args, ctx) => ctx.loaders.linkedEntities('members').load(collective.id),
  },
  Statement: {
    ...entityFields,
    issuedBy: (statement, _args, ctx) => ctx.loaders.linkedEntities('issuers').load(statement.id),
    claims: async (statement, args, ctx) => {
      // A statement's claims are of the types a Statement may be the source of.
      const types = relationTypes(args.types).filter((type) => STATEMENT_SOURCE_TYPES.includes(type));
      const first = checkFirst(args.first, LIMITS.entityRelations);
      if (types.length === 0) return [];
      return ctx.loaders
        .entityRelations({ direction: 'OUT', types, first, includeStatements: false })
        .load(statement.id);
    },
  },
} satisfies Resolvers;
