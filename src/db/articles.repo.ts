import { z } from 'zod';
import { ARTICLE } from './labels.cypher.ts';
import { parseRows } from './parse-rows.ts';
import { articleProjection } from './projections.cypher.ts';
import { integer, type QueryRunner } from './query-runner.ts';
import { ArticleRowSchema, ArticleTextRowSchema, type ArticleRow } from './rows.ts';

const ArticleByIdRecord = z.object({ requested: z.string(), article: ArticleRowSchema.nullable() });
const ArticleRecord = z.object({ article: ArticleRowSchema });

export async function findArticlesByIds(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<Map<string, ArticleRow | null>> {
  const records = await runner.read(
    `UNWIND $ids AS requested
     OPTIONAL MATCH (a:${ARTICLE} {id: requested})
     RETURN requested, CASE WHEN a IS NULL THEN null ELSE ${articleProjection('a')} END AS article`,
    { ids },
  );
  return new Map(parseRows(ArticleByIdRecord, records, 'articles by id').map((row) => [row.requested, row.article]));
}

/** The newest articles. */
export async function listArticles(runner: QueryRunner, first: number): Promise<ArticleRow[]> {
  const records = await runner.read(
    `MATCH (a:${ARTICLE})
     RETURN ${articleProjection('a')} AS article
     ORDER BY a.publishedAt DESC, a.id
     LIMIT $first`,
    { first: integer(first) },
  );
  return parseRows(ArticleRecord, records, 'articles').map((row) => row.article);
}

/** The texts of these articles (null: the article has none, or is not in the graph). */
export async function findArticleTexts(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const records = await runner.read(
    `UNWIND $ids AS requested
     OPTIONAL MATCH (a:${ARTICLE} {id: requested})
     RETURN requested AS id, a.text AS text`,
    { ids },
  );
  return new Map(parseRows(ArticleTextRowSchema, records, 'article texts').map((row) => [row.id, row.text]));
}
