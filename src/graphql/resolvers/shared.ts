import type { EntityRow, ArticleRow } from '../../db/rows.ts';
import type { GraphQLContext } from '../context.ts';

/**
 * For non-null fields: a row that names an entity or article the graph no longer holds is an
 * inconsistency of the data, not of the request, so it surfaces as a (masked) internal error.
 */
export async function requireEntity(ctx: GraphQLContext, id: string): Promise<EntityRow> {
  const row = await ctx.loaders.entity.load(id);
  if (!row) throw new Error(`Entity ${id} is referenced but not in the graph`);
  return row;
}

/** The endpoint a query already projected (primed into the loader for later levels), else loaded by id. */
export function projectedOrRequired(
  ctx: GraphQLContext,
  projected: EntityRow | null | undefined,
  id: string,
): EntityRow | Promise<EntityRow> {
  return projected ? ctx.loaders.primeEntities([projected] as const)[0] : requireEntity(ctx, id);
}

export async function requireArticle(ctx: GraphQLContext, id: string): Promise<ArticleRow> {
  const row = await ctx.loaders.article.load(id);
  if (!row) throw new Error(`Article ${id} is referenced but not in the graph`);
  return row;
}

export const optionalEntity = (ctx: GraphQLContext, id: string | null) => (id ? ctx.loaders.entity.load(id) : null);
