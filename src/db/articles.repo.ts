import { articleProjection } from './projections.cypher.ts';
import { integer, type QueryRunner } from './query-runner.ts';
import type { ArticleRow } from './rows.ts';

export async function findArticlesByIds(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<Map<string, ArticleRow | null>> {
  const records = await runner.read(
    `UNWIND $ids AS requested
     OPTIONAL MATCH (a:Article {id: requested})
     RETURN requested, CASE WHEN a IS NULL THEN null ELSE ${articleProjection('a')} END AS article`,
    { ids },
  );
  return new Map(records.map((record) => [String(record.requested), (record.article ?? null) as ArticleRow | null]));
}

/** The newest articles. */
export async function listArticles(runner: QueryRunner, first: number): Promise<ArticleRow[]> {
  const records = await runner.read(
    `MATCH (a:Article)
     RETURN ${articleProjection('a')} AS article
     ORDER BY a.publishedAt DESC, a.id
     LIMIT $first`,
    { first: integer(first) },
  );
  return records.map((record) => record.article as ArticleRow);
}
