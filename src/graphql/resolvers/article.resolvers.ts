import type { Resolvers } from '../generated/resolvers-types.ts';

export const articleResolvers = {
  Article: {
    authors: (article, _args, ctx) => ctx.loaders.linkedEntities('articleAuthors').load(article.id),
    entities: (article, _args, ctx) => ctx.loaders.linkedEntities('articleEntities').load(article.id),
    relations: (article, _args, ctx) => ctx.loaders.articleRelations.load(article.id),
  },
} satisfies Resolvers;
