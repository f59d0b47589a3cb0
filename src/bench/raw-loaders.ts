/**
 * Reference loaders for the bench: the fastest plain batched Cypher can load the synthetic
 * corpus (src/bench/corpus.ts) into each storage model, with nothing the project's seeder
 * does besides writing (no validation, no entity resolution: ids as given, no lease, no
 * content hashes, no replace logic). They load a corpus into a graph that does not hold its
 * articles yet (the bench resets the graph first): claims are CREATEd, and the aggregated
 * relations' articleCount adds up per batch because an article is in exactly one batch.
 *
 * Both read format versions 1 and 2 and write the evidence model v2's facts as the project
 * does (docs/evidence-model-v2.md): every claim property (polarity, condition, span, rating,
 * section, quote offsets, `affirmative`), one HELD_BY per attribution (to the holder, or to
 * the article for its own voice), PUBLISHED_BY and AUTHORED, and aggregated relations that
 * count affirmative claims only. A v1 relation's modality and attributedTo become its one
 * attribution, by the same mapping as the project's.
 *
 * Every statement is a fixed text (relationship types come from the vocabulary, one
 * `CALL {}` block per type filtering the rows), so Neo4j plans each once; a statement whose
 * rows would be empty is not sent, so a parameter is always a list of maps.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { dateBounds } from '../domain/dates.ts';
import {
  DEFAULT_SECTION,
  STANCE_OF_V1_MODALITY,
  isAffirmative,
  modalityOf,
  type Attribution,
  type Polarity,
} from '../domain/evidence-vocabulary.ts';
import { ENTITY_PROPERTY_KEYS } from '../domain/graph-properties.ts';
import { ENTITY_TYPES, type Modality, type RelationType } from '../domain/vocabulary.ts';
import {
  CLAIM_LABEL,
  CLAIM_LINKS,
  EVIDENCE_LINKS,
  RELATIONSHIP_TYPES,
  claimDates,
  claimId,
  claimRelation,
  relationKey,
} from './model-v2.ts';

export interface CorpusDocument {
  file?: string;
  json: Record<string, unknown>;
}

export interface LoadOptions {
  database?: string;
  /** Claim rows per transaction (whole articles: a batch closes once it holds this many). */
  batchClaims?: number;
}

export interface LoadResult {
  ms: number;
  articles: number;
  claims: number;
}

export type BenchModel = 'simple' | 'model';

type Props = Record<string, unknown>;

interface EntityRow {
  id: string;
  type: string;
  props: Props;
}

interface ArticleRow {
  id: string;
  props: Props;
  mentions: Array<{ id: string; props: Props }>;
  authorIds: string[];
  publisherId: string | null;
}

/** One attribution of a claim: HELD_BY the holder entity, or the article when `holderId` is null. */
export interface HoldingRow {
  order: number;
  holderId: string | null;
  stance: string;
  reportedBy: number | null;
}

export interface ClaimRow {
  id: string;
  type: string;
  articleId: string;
  sourceId: string;
  targetId: string;
  attributedTo: string | null;
  heldBy: HoldingRow[];
  props: Props;
}

interface Batch {
  entities: EntityRow[];
  articles: ArticleRow[];
  claims: ClaimRow[];
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const isScalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** The claim's voices: a v2 relation's attributions, a v1 relation's modality and attributedTo, or the article asserting it. */
function attributionsOf(relation: Props, formatVersion: unknown): Attribution[] {
  if (formatVersion === 1) {
    const stance = STANCE_OF_V1_MODALITY[(text(relation.modality) ?? 'asserted') as Modality];
    return [{ holder: text(relation.attributedTo), stance, reportedBy: null }];
  }
  if (!Array.isArray(relation.attributions)) return [{ holder: null, stance: 'asserts', reportedBy: null }];
  return (relation.attributions as Props[]).map((attribution) => ({
    holder: text(attribution.holder),
    stance: attribution.stance as Attribution['stance'],
    reportedBy: typeof attribution.reportedBy === 'number' ? attribution.reportedBy : null,
  }));
}

/** The v2 claim properties the format adds, with their defaults; `quoteStart` is a plain search of the text. */
function evidenceProps(
  relation: Props,
  attributions: Attribution[],
  articleText: string | null,
  dateEnd: string,
): Props {
  const polarity = (text(relation.polarity) ?? 'positive') as Polarity;
  const condition = text(relation.condition);
  const hypothetical = relation.hypothetical === true;
  const ended = relation.ended === true;
  const validFrom = text(relation.validFrom);
  const validTo = text(relation.validTo);
  const quote = text(relation.quote);
  const quoteStart = quote !== null && articleText !== null ? articleText.indexOf(quote) : -1;
  return {
    polarity,
    condition,
    hypothetical,
    validFrom,
    validTo,
    ended,
    validEnd: validTo !== null ? dateBounds(validTo).end : ended ? dateEnd : null,
    credibility: typeof relation.credibility === 'number' ? relation.credibility : null,
    section: text(relation.section) ?? DEFAULT_SECTION,
    quoteStart: quoteStart >= 0 ? quoteStart : null,
    quoteEnd: quoteStart >= 0 && quote !== null ? quoteStart + quote.length : null,
    affirmative: isAffirmative({ polarity, condition, hypothetical, attributions }),
    modality: modalityOf(attributions),
    attributedTo: attributions[0]?.holder ?? null,
  };
}

/** One document of the corpus as rows; nothing is resolved or validated. */
export function documentRows(document: CorpusDocument): Batch {
  const article = document.json.article as Props;
  const articleId = String(article.id);
  const publishedAt = String(article.publishedAt);
  const articleText = text(article.text);
  const entities = (document.json.entities as Props[]).map((entity): EntityRow => {
    const aliases = Array.isArray(entity.aliases) ? (entity.aliases as string[]) : [];
    const props: Props = { type: entity.type, name: entity.name, aliases };
    for (const field of ENTITY_PROPERTY_KEYS) if (isScalar(entity[field])) props[field] = entity[field];
    return { id: String(entity.id), type: String(entity.type), props };
  });
  const publisherId = text(article.publisherId);
  const sourceReliability =
    text(article.sourceReliability) ??
    text(entities.find((entity) => entity.id === publisherId)?.props.sourceReliability);
  const relations = document.json.relations as Props[];
  const claims = relations.map((relation, ordinal): ClaimRow => {
    const type = String(relation.type);
    const sourceId = String(relation.source);
    const targetId = String(relation.target);
    const id = claimId(articleId, ordinal);
    const attributions = attributionsOf(relation, document.json.formatVersion);
    const dates = claimDates(text(relation.date) ?? undefined, publishedAt);
    const evidence = evidenceProps(relation, attributions, articleText, dates.dateEnd);
    const validFrom = text(relation.validFrom);
    return {
      id,
      type,
      articleId,
      sourceId,
      targetId,
      attributedTo: evidence.attributedTo as string | null,
      heldBy: attributions.map(({ holder, stance, reportedBy }, order) => ({
        order,
        holderId: holder,
        stance,
        reportedBy,
      })),
      props: {
        id,
        type,
        articleId,
        ordinal,
        sourceId,
        targetId,
        // Only an affirmative claim is evidence of the aggregated relation, and names it.
        relation: evidence.affirmative ? claimRelation(type as RelationType, sourceId, targetId) : null,
        quote: text(relation.quote),
        confidence: typeof relation.confidence === 'number' ? relation.confidence : 1,
        date: text(relation.date),
        ...dates,
        validStart: validFrom === null ? dates.dateStart : dateBounds(validFrom).start,
        demand: text(relation.demand),
        note: text(relation.note),
        sourceReliability,
        ...evidence,
      },
    };
  });
  return {
    entities,
    articles: [
      {
        id: articleId,
        props: {
          id: articleId,
          title: article.title,
          publishedAt,
          url: text(article.url),
          publisher: text(article.publisher),
          language: text(article.language),
          copyright: text(article.copyright),
          sourceReliability,
          text: articleText,
          entityCount: entities.length,
          relationCount: relations.length,
        },
        mentions: entities.map((entity) => ({
          id: entity.id,
          props: { localId: entity.id, name: entity.props.name, aliases: entity.props.aliases },
        })),
        authorIds: Array.isArray(article.authors) ? (article.authors as string[]) : [],
        publisherId,
      },
    ],
    claims,
  };
}

/** Whole articles per batch, until a batch holds `batchClaims` claim rows. */
export function* batches(documents: Iterable<CorpusDocument>, batchClaims: number): Generator<Batch> {
  let batch: Batch = { entities: [], articles: [], claims: [] };
  let seen = new Set<string>();
  for (const document of documents) {
    const rows = documentRows(document);
    for (const entity of rows.entities) {
      if (seen.has(entity.id)) continue;
      seen.add(entity.id);
      batch.entities.push(entity);
    }
    batch.articles.push(...rows.articles);
    batch.claims.push(...rows.claims);
    if (batch.claims.length >= batchClaims) {
      yield batch;
      batch = { entities: [], articles: [], claims: [] };
      seen = new Set();
    }
  }
  if (batch.articles.length > 0) yield batch;
}

export interface AggregateRow {
  type: string;
  sourceId: string;
  targetId: string;
  key: string;
  claimCount: number;
  articleCount: number;
  firstDate: string;
  lastDate: string;
  firstSeen: string;
  lastSeen: string;
  maxConfidence: number;
}

/**
 * One row per (source, type, target) of a batch. The earliest claim is the one with the
 * smallest (dateStart, effectiveDate), the latest the one with the largest (dateEnd,
 * effectiveDate): firstSeen / lastSeen are their effectiveDates.
 */
export function aggregateClaims(claims: readonly ClaimRow[]): AggregateRow[] {
  const rows = new Map<string, AggregateRow & { articles: Set<string> }>();
  for (const claim of claims) {
    if (claim.props.affirmative === false) continue;
    const name = claimRelation(claim.type as RelationType, claim.sourceId, claim.targetId);
    const { effectiveDate, dateStart, dateEnd } = claim.props as {
      effectiveDate: string;
      dateStart: string;
      dateEnd: string;
    };
    const confidence = claim.props.confidence as number;
    const row = rows.get(name);
    if (!row) {
      rows.set(name, {
        type: claim.type,
        sourceId: claim.sourceId,
        targetId: claim.targetId,
        key: relationKey(claim.sourceId, claim.targetId),
        claimCount: 1,
        articleCount: 1,
        articles: new Set([claim.articleId]),
        firstDate: dateStart,
        lastDate: dateEnd,
        firstSeen: effectiveDate,
        lastSeen: effectiveDate,
        maxConfidence: confidence,
      });
      continue;
    }
    row.claimCount += 1;
    row.articles.add(claim.articleId);
    row.articleCount = row.articles.size;
    if (dateStart < row.firstDate || (dateStart === row.firstDate && effectiveDate < row.firstSeen))
      row.firstSeen = effectiveDate;
    if (dateStart < row.firstDate) row.firstDate = dateStart;
    if (dateEnd > row.lastDate || (dateEnd === row.lastDate && effectiveDate > row.lastSeen))
      row.lastSeen = effectiveDate;
    if (dateEnd > row.lastDate) row.lastDate = dateEnd;
    row.maxConfidence = Math.max(row.maxConfidence, confidence);
  }
  return [...rows.values()].map(({ articles: _articles, ...row }) => row);
}

// Labels from the vocabulary; FOREACH over a 0/1-element list sets the type label with a fixed text.
const MERGE_ENTITIES = `UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n += e.props
${ENTITY_TYPES.map((label) => `FOREACH (_ IN CASE WHEN e.type = '${label}' THEN [1] ELSE [] END | SET n:${label})`).join('\n')}`;

const MERGE_ARTICLES = `UNWIND $articles AS a
MERGE (x:Article {id: a.id})
SET x += a.props
WITH x, a
UNWIND a.mentions AS m
MATCH (n:Entity {id: m.id})
MERGE (x)-[r:MENTIONS]->(n)
SET r += m.props`;

/** The article's authors and publisher, entities of its batch or of an earlier one. */
const LINK_AUTHORS_AND_PUBLISHERS = `UNWIND $articles AS a
MATCH (x:Article {id: a.id})
CALL (x, a) {
  UNWIND a.authorIds AS authorId
  MATCH (p:Person {id: authorId})
  MERGE (p)-[:${EVIDENCE_LINKS.authored} {articleId: a.id}]->(x)
}
CALL (x, a) {
  MATCH (g:Entity {id: a.publisherId})
  MERGE (x)-[:${EVIDENCE_LINKS.publishedBy}]->(g)
}`;

/** Old model: one typed relationship per claim, carrying the claim's properties. */
const CREATE_CLAIM_RELATIONSHIPS = RELATIONSHIP_TYPES.map(
  (type) => `CALL {
  UNWIND [row IN $claims WHERE row.type = '${type}'] AS row
  MATCH (s:Entity {id: row.sourceId})
  MATCH (t:Entity {id: row.targetId})
  CREATE (s)-[r:${type}]->(t)
  SET r = row.props
}`,
).join('\n');

/** v2: one :Claim node per claim, with its links: one HELD_BY per attribution, to the holder or the article. */
const CREATE_CLAIM_NODES = `UNWIND $claims AS row
MATCH (a:Article {id: row.articleId})
MATCH (s:Entity {id: row.sourceId})
MATCH (t:Entity {id: row.targetId})
CREATE (c:${CLAIM_LABEL})
SET c = row.props, c.ordinal = toInteger(row.props.ordinal), c.credibility = toInteger(row.props.credibility),
    c.quoteStart = toInteger(row.props.quoteStart), c.quoteEnd = toInteger(row.props.quoteEnd)
CREATE (a)-[:${CLAIM_LINKS.claims}]->(c), (c)-[:${CLAIM_LINKS.subject}]->(s), (c)-[:${CLAIM_LINKS.object}]->(t)
WITH a, c, row
CALL (a, c, row) {
  UNWIND row.heldBy AS h
  OPTIONAL MATCH (x:Entity {id: h.holderId})
  WITH c, h, coalesce(x, a) AS holder
  CREATE (c)-[:${EVIDENCE_LINKS.heldBy} {order: toInteger(h.order), stance: h.stance, reportedBy: toInteger(h.reportedBy)}]->(holder)
}
WITH c, row
WHERE row.attributedTo IS NOT NULL
MATCH (w:Entity {id: row.attributedTo})
CREATE (c)-[:${CLAIM_LINKS.attributedTo}]->(w)`;

/** v2: the aggregated relation of each (source, type, target), merged into what is there. */
const MERGE_AGGREGATES = RELATIONSHIP_TYPES.map(
  (type) => `CALL {
  UNWIND [row IN $relations WHERE row.type = '${type}'] AS row
  MATCH (s:Entity {id: row.sourceId})
  MATCH (t:Entity {id: row.targetId})
  MERGE (s)-[r:${type} {key: row.key}]->(t)
  ON CREATE SET r.claimCount = row.claimCount, r.articleCount = row.articleCount,
    r.firstDate = row.firstDate, r.lastDate = row.lastDate,
    r.firstSeen = row.firstSeen, r.lastSeen = row.lastSeen, r.maxConfidence = row.maxConfidence
  ON MATCH SET
    r.firstSeen = CASE WHEN row.firstDate < r.firstDate OR (row.firstDate = r.firstDate AND row.firstSeen < r.firstSeen) THEN row.firstSeen ELSE r.firstSeen END,
    r.firstDate = CASE WHEN row.firstDate < r.firstDate THEN row.firstDate ELSE r.firstDate END,
    r.lastSeen = CASE WHEN row.lastDate > r.lastDate OR (row.lastDate = r.lastDate AND row.lastSeen > r.lastSeen) THEN row.lastSeen ELSE r.lastSeen END,
    r.lastDate = CASE WHEN row.lastDate > r.lastDate THEN row.lastDate ELSE r.lastDate END,
    r.claimCount = r.claimCount + row.claimCount,
    r.articleCount = r.articleCount + row.articleCount,
    r.maxConfidence = CASE WHEN row.maxConfidence > r.maxConfidence THEN row.maxConfidence ELSE r.maxConfidence END
}`,
).join('\n');

async function writeCommon(tx: ManagedTransaction, batch: Batch): Promise<void> {
  if (batch.entities.length > 0) await tx.run(MERGE_ENTITIES, { entities: batch.entities });
  await tx.run(MERGE_ARTICLES, { articles: batch.articles });
  await tx.run(LINK_AUTHORS_AND_PUBLISHERS, { articles: batch.articles });
}

async function load(
  model: BenchModel,
  documents: Iterable<CorpusDocument>,
  driver: Driver,
  options: LoadOptions,
): Promise<LoadResult> {
  const started = performance.now();
  const session = driver.session({ database: options.database ?? 'neo4j', defaultAccessMode: neo4j.session.WRITE });
  let articles = 0;
  let claims = 0;
  try {
    for (const batch of batches(documents, options.batchClaims ?? 5_000)) {
      await session.executeWrite(async (tx) => {
        await writeCommon(tx, batch);
        if (batch.claims.length === 0) return;
        if (model === 'simple') {
          await tx.run(CREATE_CLAIM_RELATIONSHIPS, {
            claims: batch.claims.map(({ type, sourceId, targetId, props }) => ({ type, sourceId, targetId, props })),
          });
        } else {
          await tx.run(CREATE_CLAIM_NODES, { claims: batch.claims });
          await tx.run(MERGE_AGGREGATES, { relations: aggregateClaims(batch.claims) });
        }
      });
      articles += batch.articles.length;
      claims += batch.claims.length;
    }
  } finally {
    await session.close();
  }
  return { ms: performance.now() - started, articles, claims };
}

/** The old model's physical limit: entities, articles, MENTIONS and one relationship per claim. */
export function loadSimple(
  documents: Iterable<CorpusDocument>,
  driver: Driver,
  options: LoadOptions = {},
): Promise<LoadResult> {
  return load('simple', documents, driver, options);
}

/** Model v2: entities, articles, MENTIONS, :Claim nodes with their links and holders, aggregated relations of the affirmative claims. */
export function loadModel(
  documents: Iterable<CorpusDocument>,
  driver: Driver,
  options: LoadOptions = {},
): Promise<LoadResult> {
  return load('model', documents, driver, options);
}
