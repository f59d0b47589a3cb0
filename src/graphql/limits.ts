/**
 * The caps every request lives within, in one place (docs/api.md lists them). A request above
 * a cap fails with BAD_USER_INPUT naming the argument, rather than being silently cut, so a
 * client never mistakes a truncated answer for the whole one. Only the neighborhood's node and
 * relation caps truncate, and Subgraph.truncated says so.
 */
export const LIMITS = {
  /** `relations(first)`: one page. */
  relationsPage: 200,
  /** `claims(first)`: one page. */
  claimsPage: 200,
  /** `Entity.relations(first)`, `Statement.claims(first)`. */
  entityRelations: 200,
  /** `Entity.articles(first)`, `Person.authored(first)`, `articles(first)`. */
  articles: 100,
  search: 50,
  /** Characters of a search query. */
  searchQueryLength: 200,
  maxHops: 6,
  depth: 3,
  neighborhoodNodes: 200,
  neighborhoodRelations: 1000,
  ranking: 100,
  timeline: 500,
} as const;

/**
 * Typical sizes of the lists that have no cap, for the cost estimate (src/graphql/query-cost.ts):
 * what a request asks for before it runs is priced with these. Lists not named here count as
 * `otherList`.
 */
export const LIST_ESTIMATES: Readonly<Record<string, number>> = {
  'Relation.evidence': 5,
  'Article.authors': 3,
  'Article.entities': 30,
  'Article.relations': 100,
  'Meeting.attendees': 10,
  'Meeting.statements': 5,
  'Statement.issuedBy': 10,
  'Dyad.relations': 30,
  'Dyad.timeline': 100,
  'Article.claims': 100,
  'Evidence.attributions': 3,
  'Event.participants': 10,
  'Collective.members': 10,
  otherList: 20,
};
