import type { Resolvers } from '../generated/resolvers-types.ts';

export const articleResolvers = {
  Article: {
    authors: (article, _args, ctx) => ctx.loaders.linkedEntities('articleAuthors').load(article.id),
    entities: (article, _args, ctx) => ctx.loaders.linkedEntities('articleEntities').load(article.id),
    relations: (article, _args, ctx) => ctx.loaders.articleRelations.load(article.id),
    claims: (article, _args, ctx) => ctx.loaders.articleClaims.load(article.id),
    text: (article, _args, ctx) => ctx.loaders.articleText.load(article.id),
    publishedBy: async (article, _args, ctx) =>
      (await ctx.loaders.linkedEntities('articlePublisher').load(article.id))[0] ?? null,
  },
} satisfies Resolvers;
