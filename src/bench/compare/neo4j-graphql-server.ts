/**
 * The comparison a team would get by picking @neo4j/graphql (v7) instead of writing the API:
 * type definitions that map storage model v2 (src/bench/model-v2.ts) as the library intends,
 * served by graphql-yoga. Entities, claims and articles are `@node` types; every aggregated
 * vocabulary relationship is a `@relationship` field in each direction with its properties
 * (`@relationshipProperties`); names are searched through the `entity_names` full-text index
 * (`@fulltext`). Read-only (`@mutation(operations: [])`), no custom resolvers and no `@cypher`:
 * what the library cannot express is marked "—" in the results, not written by hand here.
 *
 * Each response carries `extensions.cypherQueries`, counted by wrapping the driver handed to
 * the library (the library runs one Cypher query per root field).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Driver, ManagedTransaction, SessionConfig } from 'neo4j-driver';
import { CLAIM_LABEL, CLAIM_LINKS, EVIDENCE_LINKS, RELATIONSHIP_TYPES } from '../model-v2.ts';

/** `CALLS_ON` → `callsOn`: the field of the outgoing relationship; `incomingCallsOn` the incoming one. */
export function relationField(type: string, direction: 'OUT' | 'IN'): string {
  const camel = type.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return direction === 'OUT' ? camel : `incoming${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
}

export function neo4jGraphQLTypeDefs(): string {
  const relationFields = RELATIONSHIP_TYPES.flatMap((type) =>
    (['OUT', 'IN'] as const).map(
      (direction) =>
        `  ${relationField(type, direction)}: [Entity!]! @relationship(type: "${type}", direction: ${direction}, properties: "RelationStats")`,
    ),
  ).join('\n');
  return `
type Entity @node @mutation(operations: []) @fulltext(indexes: [{ indexName: "entity_names", queryName: "searchEntities", fields: ["name"] }]) {
  id: ID!
  type: String!
  name: String!
  aliases: [String!]
  description: String
  wikidata: String
  iso3: String
  category: String
  role: String
  date: String
  location: String
  summary: String
  unnamed: Boolean
  sourceReliability: String
  placeType: String
  latitude: Float
  longitude: Float
  kind: String
  start: String
  end: String
  hypothetical: Boolean
${relationFields}
  mentionedIn: [Article!]! @relationship(type: "MENTIONS", direction: IN)
  claimsAsSubject: [Claim!]! @relationship(type: "${CLAIM_LINKS.subject}", direction: IN)
  claimsAsObject: [Claim!]! @relationship(type: "${CLAIM_LINKS.object}", direction: IN)
}

"The aggregated relation of one (source, type, target)."
type RelationStats @relationshipProperties {
  key: String!
  claimCount: Int!
  articleCount: Int!
  firstDate: String
  lastDate: String
  firstSeen: String
  lastSeen: String
  maxConfidence: Float
}

"One claim of one article."
type Claim @node(labels: ["${CLAIM_LABEL}"]) @mutation(operations: []) {
  id: ID!
  type: String!
  articleId: String!
  ordinal: Int!
  sourceId: String!
  targetId: String!
  "Null for a claim that is not affirmative: it feeds no aggregated relation."
  relation: String
  quote: String
  modality: String!
  confidence: Float!
  attributedTo: String
  date: String
  effectiveDate: String!
  dateStart: String!
  dateEnd: String!
  demand: String
  note: String
  polarity: String!
  condition: String
  hypothetical: Boolean!
  validFrom: String
  validTo: String
  ended: Boolean!
  validStart: String!
  validEnd: String
  credibility: Float
  section: String!
  quoteStart: Int
  quoteEnd: Int
  sourceReliability: String
  affirmative: Boolean!
  holders: [Entity!]! @relationship(type: "${EVIDENCE_LINKS.heldBy}", direction: OUT, properties: "Holding")
  article: Article @relationship(type: "${CLAIM_LINKS.claims}", direction: IN)
  subject: Entity @relationship(type: "${CLAIM_LINKS.subject}", direction: OUT)
  object: Entity @relationship(type: "${CLAIM_LINKS.object}", direction: OUT)
  attributedToEntity: Entity @relationship(type: "${CLAIM_LINKS.attributedTo}", direction: OUT)
}

"One attribution of a claim to an entity (the article's own voice is not an entity)."
type Holding @relationshipProperties {
  order: Int!
  stance: String!
  reportedBy: Int
}

type Article @node @mutation(operations: []) {
  id: ID!
  title: String!
  publishedAt: String!
  url: String
  publisher: String
  language: String
  claims: [Claim!]! @relationship(type: "${CLAIM_LINKS.claims}", direction: OUT)
  entities: [Entity!]! @relationship(type: "MENTIONS", direction: OUT)
}
`;
}

interface CountingContext {
  executionContext: unknown;
  sessionConfig: { database: string };
  cypherQueries: { count: number };
}

/** A driver-like object for one request: the library's sessions, with every `tx.run` counted. */
function countingDriver(driver: Driver, counter: { count: number }): unknown {
  const counted = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== 'run') return Reflect.get(target, property, receiver);
        return (...args: Parameters<ManagedTransaction['run']>) => {
          counter.count += 1;
          return target.run(...args);
        };
      },
    });
  return {
    executeQueryBookmarkManager: driver.executeQueryBookmarkManager,
    session(config: SessionConfig) {
      const session = driver.session(config);
      return new Proxy(session, {
        get(target, property, receiver) {
          if (property === 'executeRead' || property === 'executeWrite') {
            return <T>(work: (tx: ManagedTransaction) => Promise<T>, transactionConfig?: unknown) =>
              (target[property] as (work: (tx: ManagedTransaction) => Promise<T>, config?: unknown) => Promise<T>).call(
                target,
                (tx) => work(counted(tx)),
                transactionConfig,
              );
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
}

function useCypherQueryCount(): Plugin<CountingContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({
            ...result,
            extensions: { ...result.extensions, cypherQueries: args.contextValue.cypherQueries.count },
          });
        },
      };
    },
  };
}

export interface ComparisonServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 on a free port (or `port`); `url` is the GraphQL endpoint. */
export async function startNeo4jGraphQLServer(
  driver: Driver,
  options: { database?: string; port?: number } = {},
): Promise<ComparisonServer> {
  const database = options.database ?? 'neo4j';
  const neoSchema = new Neo4jGraphQL({ typeDefs: neo4jGraphQLTypeDefs(), driver });
  const schema = await neoSchema.getSchema();
  const yoga = createYoga<Record<string, never>, CountingContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: false,
    // The bench reports why a class failed: the library's error messages are not masked.
    maskedErrors: false,
    context: () => {
      const cypherQueries = { count: 0 };
      return { executionContext: countingDriver(driver, cypherQueries), sessionConfig: { database }, cypherQueries };
    },
    plugins: [useCypherQueryCount()],
  });
  const server: Server = createServer(yoga);
  return listen(server, options.port ?? 0, '/graphql', () => yoga.dispose());
}

/** Starts `server` on loopback and gives its URL (with `path`) and a close that ends idle keep-alive connections. */
export async function listen(
  server: Server,
  port: number,
  path: string,
  dispose: () => Promise<void> | void = () => {},
): Promise<ComparisonServer> {
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}${path}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await dispose();
    },
  };
}
