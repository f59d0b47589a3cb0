import type { ArticleRow } from '../../db/rows.ts';
import type { GraphQLContext } from '../context.ts';

export const articleResolvers = {
  Article: {
    authors: (article: ArticleRow, _args: unknown, ctx: GraphQLContext) =>
      ctx.loaders.linkedEntities('articleAuthors').load(article.id),
    entities: (article: ArticleRow, _args: unknown, ctx: GraphQLContext) =>
      ctx.loaders.linkedEntities('articleEntities').load(article.id),
    relations: (article: ArticleRow, _args: unknown, ctx: GraphQLContext) =>
      ctx.loaders.articleRelations.load(article.id),
  },
};
