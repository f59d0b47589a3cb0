/**
 * Per-request DataLoaders: every nested field of a response resolves through one of these,
 * so a request costs one query per kind of load and per level of nesting, however many rows
 * it returns. Loaders whose query depends on field arguments are kept per argument set.
 */
import DataLoader from 'dataloader';
import { findArticleTexts, findArticlesByIds } from '../db/articles.repo.ts';
import { findClaimsOfArticles } from '../db/claims.repo.ts';
import { findArticlesOfEntities, findEntitiesByIds, findLinkedEntities, type EntityLink } from '../db/entities.repo.ts';
import type { QueryRunner } from '../db/query-runner.ts';
import {
  findEvidenceOfRelations,
  findRelationsOfArticles,
  findRelationsOfEntities,
  type EntityRelationsOptions,
} from '../db/relations.repo.ts';
import type {
  ArticleRow,
  ClaimRow,
  EntityRow,
  EvidenceFilter,
  EvidenceRow,
  RelationKey,
  RelationRow,
} from '../db/rows.ts';

type ArticlesLink = Parameters<typeof findArticlesOfEntities>[1];

export interface Loaders {
  /** By id; an id that was merged loads the canonical entity. */
  entity: DataLoader<string, EntityRow | null>;
  article: DataLoader<string, ArticleRow | null>;
  entityRelations(options: EntityRelationsOptions): DataLoader<string, RelationRow[]>;
  articlesOfEntity(link: ArticlesLink, first: number): DataLoader<string, ArticleRow[]>;
  linkedEntities(link: EntityLink): DataLoader<string, EntityRow[]>;
  articleRelations: DataLoader<string, RelationRow[]>;
  /** Every claim of the article, affirmative or not, in its order. */
  articleClaims: DataLoader<string, ClaimRow[]>;
  /** Read apart from the article's other properties: it can be 200,000 characters. */
  articleText: DataLoader<string, string | null>;
  /** The claims behind relations, under the filter their aggregates were counted with. */
  relationEvidence(filter: EvidenceFilter): DataLoader<RelationKey, EvidenceRow[], string>;
  /** Rows a query already returned whole: later loads of the same id cost nothing. */
  primeEntities<Rows extends readonly EntityRow[]>(rows: Rows): Rows;
  primeArticles<Rows extends readonly ArticleRow[]>(rows: Rows): Rows;
}

/** One loader per distinct argument set, created on first use. */
function perArguments<A, V, K = string>(
  create: (args: A) => DataLoader<K, V, string>,
): (args: A) => DataLoader<K, V, string> {
  const loaders = new Map<string, DataLoader<K, V, string>>();
  return (args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(args);
      loaders.set(key, loader);
    }
    return loader;
  };
}

const inOrder = <V>(ids: readonly string[], found: Map<string, V>, missing: V): V[] =>
  ids.map((id) => found.get(id) ?? missing);

export function createLoaders(runner: QueryRunner): Loaders {
  const entity = new DataLoader<string, EntityRow | null>(async (ids) =>
    inOrder(ids, await findEntitiesByIds(runner, ids), null),
  );
  const article = new DataLoader<string, ArticleRow | null>(async (ids) =>
    inOrder(ids, await findArticlesByIds(runner, ids), null),
  );

  const primeEntities = <Rows extends readonly EntityRow[]>(rows: Rows): Rows => {
    for (const row of rows) entity.prime(row.id, row);
    return rows;
  };
  const primeArticles = <Rows extends readonly ArticleRow[]>(rows: Rows): Rows => {
    for (const row of rows) article.prime(row.id, row);
    return rows;
  };

  const articlesOfEntity = perArguments(
    ({ link, first }: { link: ArticlesLink; first: number }) =>
      new DataLoader<string, ArticleRow[]>(async (ids) => {
        const found = await findArticlesOfEntities(runner, link, ids, first);
        for (const rows of found.values()) primeArticles(rows);
        return inOrder(ids, found, []);
      }),
  );

  return {
    entity,
    article,
    entityRelations: perArguments(
      (options: EntityRelationsOptions) =>
        new DataLoader(async (ids) => inOrder(ids, await findRelationsOfEntities(runner, ids, options), [])),
    ),
    articlesOfEntity: (link, first) => articlesOfEntity({ link, first }),
    linkedEntities: perArguments(
      (link: EntityLink) =>
        new DataLoader(async (ids) => {
          const found = await findLinkedEntities(runner, link, ids);
          for (const rows of found.values()) primeEntities(rows);
          return inOrder(ids, found, []);
        }),
    ),
    articleRelations: new DataLoader(async (ids) => inOrder(ids, await findRelationsOfArticles(runner, ids), [])),
    articleClaims: new DataLoader(async (ids) => inOrder(ids, await findClaimsOfArticles(runner, ids), [])),
    articleText: new DataLoader(async (ids) => inOrder(ids, await findArticleTexts(runner, ids), null)),
    relationEvidence: perArguments(
      (filter: EvidenceFilter) =>
        new DataLoader<RelationKey, EvidenceRow[], string>(
          async (keys) => findEvidenceOfRelations(runner, keys, filter),
          { cacheKeyFn: (key) => JSON.stringify([key.type, key.sourceId, key.targetId, key.viaId]) },
        ),
    ),
    primeEntities,
    primeArticles,
  };
}
