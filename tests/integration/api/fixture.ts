/**
 * A small graph written exactly as docs/graph-model.md describes the seeder's output, so the
 * API can be tested before (and independently of) the seeder. It follows the seed article
 * (the joint statement of China, Iran, Pakistan and Russia on the Taliban) and adds a second,
 * older article so that aggregation, date filters and pagination have something to chew on.
 *
 * Ids are those of seed/2024-10-03-korybko-quadrilateral-statement.json where the two overlap.
 * `loadApiFixture` empties the database: integration test files run one after another
 * (vitest.config.ts), and each file loads the fixture before its tests.
 */
import { resetGraph } from '../../../src/db/article-writer.ts';
import type { Db } from '../../../src/db/driver.ts';
import { rebuildRelations } from '../../../src/db/rebuild-relations.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { normalizedNamesOf } from '../../../src/ingest/normalize-name.ts';
import { dateBounds } from '../../../src/domain/dates.ts';
import type { EntityType, Modality, RelationType } from '../../../src/domain/vocabulary.ts';
import { cypherLabel, cypherRelationshipType } from '../../../src/domain/vocabulary.ts';

interface FixtureEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
  description?: string;
  wikidata?: string;
  iso3?: string;
  category?: string;
  role?: string;
  date?: string;
  location?: string;
  summary?: string;
}

interface FixtureArticle {
  id: string;
  title: string;
  publishedAt: string;
  url?: string;
  publisher?: string;
  language?: string;
  authors: string[];
  /** Entity ids the article mentions, with the local id it used when that differs. */
  mentions: Array<string | { id: string; localId: string; name: string }>;
  relations: FixtureRelation[];
}

interface FixtureRelation {
  type: RelationType;
  source: string;
  target: string;
  quote?: string;
  modality?: Modality;
  confidence?: number;
  attributedTo?: string;
  date?: string;
  demand?: string;
}

export const ARTICLE_ID = '2024-10-03-korybko-quadrilateral-statement';
export const OLDER_ARTICLE_ID = 'fixture-2023-05-border';

export const ENTITIES: FixtureEntity[] = [
  {
    id: 'china',
    type: 'State',
    name: 'China',
    aliases: ["People's Republic of China", 'PRC'],
    iso3: 'CHN',
    wikidata: 'Q148',
  },
  { id: 'iran', type: 'State', name: 'Iran', aliases: ['Islamic Republic of Iran'], iso3: 'IRN', wikidata: 'Q794' },
  { id: 'pakistan', type: 'State', name: 'Pakistan', aliases: ['Islamabad'], iso3: 'PAK', wikidata: 'Q843' },
  { id: 'russia', type: 'State', name: 'Russia', aliases: ['Russian Federation'], iso3: 'RUS', wikidata: 'Q159' },
  { id: 'afghanistan', type: 'State', name: 'Afghanistan', iso3: 'AFG', wikidata: 'Q889' },
  {
    id: 'taliban',
    type: 'Group',
    name: 'Taliban',
    aliases: ['Islamic Emirate of Afghanistan', 'Kabul'],
    category: 'government',
    description: 'De facto rulers of Afghanistan since 2021.',
  },
  {
    id: 'islamic-state-khorasan-province',
    type: 'Group',
    name: 'Islamic State Khorasan Province',
    aliases: ['ISIS-K', 'ISKP'],
    category: 'militant',
  },
  {
    id: 'tehrik-i-taliban-pakistan',
    type: 'Group',
    name: 'Tehrik-i-Taliban Pakistan',
    aliases: ['Pakistani Taliban', 'TTP'],
    category: 'militant',
  },
  {
    id: 'balochistan-liberation-army',
    type: 'Group',
    name: 'Balochistan Liberation Army',
    aliases: ['BLA'],
    category: 'militant',
  },
  { id: 'nato', type: 'Group', name: 'NATO', aliases: ['North Atlantic Treaty Organization'], category: 'alliance' },
  { id: 'andrew-korybko', type: 'Person', name: 'Andrew Korybko', role: 'political analyst' },
  { id: 'jane-doe', type: 'Person', name: 'Jane Doe', role: 'correspondent' },
  {
    id: 'quadrilateral-meeting-2024-09-unga',
    type: 'Meeting',
    name: 'Third quadrilateral meeting of foreign ministers on Afghanistan',
    date: '2024-09',
    location: 'New York, on the sidelines of the UNGA',
  },
  {
    id: 'quadrilateral-joint-statement-2024-09',
    type: 'Statement',
    name: 'Joint statement of China, Iran, Pakistan and Russia on Afghanistan',
    date: '2024-09-27',
    summary: 'Critical of the Taliban: calls on it to eliminate all terrorist groups; blames NATO.',
  },
];

const FOUR = ['china', 'iran', 'pakistan', 'russia'] as const;
const STATEMENT = 'quadrilateral-joint-statement-2024-09';
const MEETING = 'quadrilateral-meeting-2024-09-unga';

export const ARTICLES: FixtureArticle[] = [
  {
    id: ARTICLE_ID,
    title: 'China, Iran, Pakistan and Russia Statement Sharply Critical of the Taliban Regime',
    publishedAt: '2024-10-03',
    url: 'https://www.globalresearch.ca/china-iran-pakistan-russia-statement-taliban',
    publisher: 'Global Research',
    language: 'en',
    authors: ['andrew-korybko'],
    mentions: [
      ...ENTITIES.filter((entity) => entity.id !== 'jane-doe' && entity.id !== 'islamic-state-khorasan-province').map(
        (entity) => entity.id,
      ),
      // The article called it ISIS-K under the id "iskp"; resolution folded it into the canonical entity.
      { id: 'islamic-state-khorasan-province', localId: 'iskp', name: 'ISIS-K' },
    ],
    relations: [
      ...FOUR.map((id): FixtureRelation => ({
        type: 'ATTENDED',
        source: id,
        target: MEETING,
        quote: 'gathered for their third quadrilateral meeting',
      })),
      ...FOUR.map((id): FixtureRelation => ({
        type: 'ISSUED',
        source: id,
        target: STATEMENT,
        quote: 'The joint statement that they produced',
      })),
      // A Meeting may issue a statement too, but it is no actor: includeStatements must skip it.
      { type: 'ISSUED', source: MEETING, target: STATEMENT },
      {
        type: 'CRITICIZES',
        source: STATEMENT,
        target: 'taliban',
        quote: 'sharply critical of the Taliban on very sensitive issues',
        confidence: 0.95,
        date: '2024-09-27',
      },
      {
        type: 'CALLS_ON',
        source: STATEMENT,
        target: 'taliban',
        quote: 'eliminate all terrorist groups equally and non-discriminatory',
        demand: 'eliminate all terrorist groups equally and prevent the use of Afghan territory against its neighbors',
        date: '2024-09-27',
      },
      {
        type: 'CALLS_ON',
        source: STATEMENT,
        target: 'taliban',
        quote: 'assemble the ethno-politically inclusive government that it promised to form',
        demand: 'form an inclusive government',
        confidence: 0.8,
        date: '2024-09-27',
      },
      {
        type: 'BLAMES',
        source: STATEMENT,
        target: 'nato',
        quote: "predictably blamed NATO for Afghanistan's plight",
        confidence: 0.9,
      },
      {
        type: 'SHELTERS',
        source: 'taliban',
        target: 'tehrik-i-taliban-pakistan',
        quote: 'are being sheltered by the Taliban',
        modality: 'alleged',
        confidence: 0.6,
        attributedTo: 'pakistan',
      },
      {
        type: 'SHELTERS',
        source: 'taliban',
        target: 'balochistan-liberation-army',
        quote: 'are being sheltered by the Taliban',
        modality: 'alleged',
        confidence: 0.6,
        attributedTo: 'pakistan',
      },
      {
        type: 'FIGHTS',
        source: 'taliban',
        target: 'islamic-state-khorasan-province',
        quote: 'selectively targeting those like ISIS-K',
        modality: 'implied',
        confidence: 0.7,
      },
      { type: 'OPERATES_IN', source: 'islamic-state-khorasan-province', target: 'afghanistan' },
      { type: 'OPERATES_IN', source: 'tehrik-i-taliban-pakistan', target: 'pakistan' },
      { type: 'OPERATES_IN', source: 'balochistan-liberation-army', target: 'pakistan' },
      {
        type: 'THREATENS',
        source: 'pakistan',
        target: 'taliban',
        quote: 'Pakistan would still carry out cross-border military action',
        modality: 'speculated',
        confidence: 0.5,
      },
      {
        type: 'COOPERATES_WITH',
        source: 'china',
        target: 'taliban',
        quote: 'their individual ties with the Taliban',
        confidence: 0.7,
      },
      {
        type: 'COOPERATES_WITH',
        source: 'russia',
        target: 'taliban',
        quote: 'their individual ties with the Taliban',
        confidence: 0.7,
      },
      {
        type: 'COOPERATES_WITH',
        source: 'iran',
        target: 'taliban',
        quote: 'their individual ties with the Taliban',
        confidence: 0.7,
      },
      {
        type: 'SUPPORTS',
        source: 'china',
        target: 'pakistan',
        quote: 'China wants Pakistan to improve its domestic security situation',
        confidence: 0.6,
        modality: 'implied',
      },
    ],
  },
  {
    id: OLDER_ARTICLE_ID,
    title: 'Border tensions between Pakistan and Afghanistan',
    publishedAt: '2023-05',
    publisher: 'Fixture Wire',
    language: 'en',
    authors: ['jane-doe'],
    mentions: ['pakistan', 'taliban', 'tehrik-i-taliban-pakistan', 'china', 'afghanistan', 'jane-doe'],
    relations: [
      {
        type: 'BLAMES',
        source: 'pakistan',
        target: 'taliban',
        quote: 'Islamabad blamed Kabul for the attack',
        date: '2023-05-10',
      },
      {
        type: 'CRITICIZES',
        source: 'pakistan',
        target: 'taliban',
        quote: 'Pakistan criticized the Taliban',
        date: '2023-05-11',
      },
      {
        type: 'SHELTERS',
        source: 'taliban',
        target: 'tehrik-i-taliban-pakistan',
        quote: 'the TTP finds refuge across the border',
        modality: 'alleged',
        confidence: 0.8,
        attributedTo: 'pakistan',
      },
      {
        type: 'SUPPORTS',
        source: 'taliban',
        target: 'tehrik-i-taliban-pakistan',
        quote: 'Kabul denied backing the TTP',
        modality: 'denied',
        confidence: 0.9,
        attributedTo: 'taliban',
      },
      {
        type: 'COOPERATES_WITH',
        source: 'china',
        target: 'taliban',
        quote: 'Beijing signed a mining deal with Kabul',
        date: '2023',
      },
      { type: 'OPERATES_IN', source: 'tehrik-i-taliban-pakistan', target: 'pakistan' },
      { type: 'OPERATES_IN', source: 'tehrik-i-taliban-pakistan', target: 'afghanistan' },
    ],
  },
];

/**
 * Empties the graph, applies the project's schema (constraints, the `entity_names` full-text
 * index) and writes the fixture, in one transaction.
 */
export async function loadApiFixture(db: Db): Promise<void> {
  await migrate(db);
  await resetGraph(db);
  await writeFixtureGraph(db, '');
}

/**
 * Adds `count` copies of the whole fixture, every id and name suffixed (`china-copy-1`), so a
 * test can multiply the rows a query returns without changing the query's shape.
 */
export async function addFixtureCopies(db: Db, count: number): Promise<void> {
  for (let copy = 1; copy <= count; copy += 1) await writeFixtureGraph(db, `-copy-${copy}`);
}

async function writeFixtureGraph(db: Db, suffix: string): Promise<void> {
  const id = (value: string) => `${value}${suffix}`;
  const name = (value: string) => (suffix ? `${value} (${suffix.slice(1)})` : value);
  const session = db.driver.session({ database: db.database });
  try {
    await session.executeWrite(async (tx) => {
      for (const entity of ENTITIES) {
        const aliases = [...new Set(entity.aliases ?? [])].map(name).sort();
        const props = {
          ...entity,
          id: id(entity.id),
          name: name(entity.name),
          aliases,
          normalizedNames: normalizedNamesOf(name(entity.name), aliases),
        };
        await tx.run(`CREATE (n:Entity:${cypherLabel(entity.type)}) SET n = $props`, { props });
      }
      for (const article of ARTICLES) {
        const { mentions, relations, authors, ...meta } = article;
        const articleId = id(article.id);
        await tx.run(
          `CREATE (a:Article) SET a = $meta, a.loadedAt = datetime(), a.contentHash = 'fixture',
             a.entityCount = $entityCount, a.relationCount = $relationCount`,
          { meta: { ...meta, id: articleId }, entityCount: mentions.length, relationCount: relations.length },
        );
        await tx.run(
          `UNWIND $authors AS author
           MATCH (p:Person {id: author}), (a:Article {id: $articleId})
           CREATE (p)-[:AUTHORED {articleId: $articleId}]->(a)`,
          { authors: authors.map(id), articleId },
        );
        const mentionRows = mentions.map((mention) => {
          const entityId = typeof mention === 'string' ? mention : mention.id;
          const entity = ENTITIES.find((candidate) => candidate.id === entityId);
          if (!entity) throw new Error(`fixture: unknown entity ${entityId}`);
          return typeof mention === 'string'
            ? {
                id: id(entityId),
                localId: id(entityId),
                name: name(entity.name),
                aliases: (entity.aliases ?? []).map(name),
              }
            : { id: id(entityId), localId: id(mention.localId), name: name(mention.name), aliases: [] };
        });
        await tx.run(
          `UNWIND $rows AS row
           MATCH (a:Article {id: $articleId}), (e:Entity {id: row.id})
           CREATE (a)-[:MENTIONS {localId: row.localId, name: row.name, aliases: row.aliases}]->(e)`,
          { rows: mentionRows, articleId },
        );
        for (const [ordinal, relation] of relations.entries()) {
          const effectiveDate = relation.date ?? article.publishedAt;
          const bounds = dateBounds(effectiveDate);
          const props = {
            articleId,
            ordinal,
            quote: relation.quote ?? null,
            modality: relation.modality ?? 'asserted',
            confidence: relation.confidence ?? 1,
            attributedTo: relation.attributedTo ? id(relation.attributedTo) : null,
            date: relation.date ?? null,
            effectiveDate,
            dateStart: bounds.start,
            dateEnd: bounds.end,
            demand: relation.demand ?? null,
          };
          // The claim as the writer stores it; the relations are counted from the claims below.
          const [source, target] = [id(relation.source), id(relation.target)];
          await tx.run(
            `MATCH (a:Article {id: $articleId}), (s:Entity {id: $source}), (t:Entity {id: $target})
             CREATE (c:Claim) SET c = $props, c.id = $articleId + '#' + $props.ordinal, c.type = $type,
                    c.sourceId = $source, c.targetId = $target, c.relation = $type + ' ' + $source + ' ' + $target
             CREATE (a)-[:CLAIMS]->(c), (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(t)
             WITH c
             OPTIONAL MATCH (x:Entity {id: c.attributedTo})
             FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (c)-[:ATTRIBUTED_TO]->(x))`,
            { articleId, source, target, type: cypherRelationshipType(relation.type), props },
          );
        }
      }
      await tx.run(
        `MATCH (e:Entity {id: $intoId})
         CREATE (m:Merge {fromId: $fromId, intoId: e.id, reason: 'name', matched: 'iskp', articleId: $articleId,
                          fromName: 'ISIS-K', fromType: 'Group', at: datetime()})-[:MERGED_INTO]->(e)`,
        { intoId: id('islamic-state-khorasan-province'), fromId: id('iskp'), articleId: id(ARTICLE_ID) },
      );
    });
  } finally {
    await session.close();
  }
  await rebuildRelations(db);
}

/** How many distinct (source, type, target) relations the fixture has: the `relations` total. */
/** Distinct (source, type, target) among the claims that make a relation: a denied claim makes none. */
export function fixtureRelationCount(): number {
  const keys = new Set(
    ARTICLES.flatMap((article) =>
      article.relations.filter((r) => r.modality !== 'denied').map((r) => `${r.source}|${r.type}|${r.target}`),
    ),
  );
  return keys.size;
}
