// Generated from src/domain/vocabulary.ts by `npm run schema:export`; do not edit by hand.
// Applied statement by statement by `npm run db:migrate` (also run by `seed` and `up`).
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id_unique IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT merge_from_id_unique IF NOT EXISTS FOR (n:Merge) REQUIRE n.fromId IS UNIQUE;
CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
CREATE INDEX entity_wikidata IF NOT EXISTS FOR (n:Entity) ON (n.wikidata);
CREATE INDEX article_published_at IF NOT EXISTS FOR (n:Article) ON (n.publishedAt);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
CREATE INDEX rel_criticizes_article IF NOT EXISTS FOR ()-[r:CRITICIZES]-() ON (r.articleId);
CREATE INDEX rel_shelters_article IF NOT EXISTS FOR ()-[r:SHELTERS]-() ON (r.articleId);
CREATE INDEX rel_threatens_article IF NOT EXISTS FOR ()-[r:THREATENS]-() ON (r.articleId);
CREATE INDEX rel_supports_article IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.articleId);
CREATE INDEX rel_opposes_article IF NOT EXISTS FOR ()-[r:OPPOSES]-() ON (r.articleId);
CREATE INDEX rel_calls_on_article IF NOT EXISTS FOR ()-[r:CALLS_ON]-() ON (r.articleId);
CREATE INDEX rel_blames_article IF NOT EXISTS FOR ()-[r:BLAMES]-() ON (r.articleId);
CREATE INDEX rel_fights_article IF NOT EXISTS FOR ()-[r:FIGHTS]-() ON (r.articleId);
CREATE INDEX rel_cooperates_with_article IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.articleId);
CREATE INDEX rel_attended_article IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.articleId);
CREATE INDEX rel_issued_article IF NOT EXISTS FOR ()-[r:ISSUED]-() ON (r.articleId);
CREATE INDEX rel_member_of_article IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.articleId);
CREATE INDEX rel_represents_article IF NOT EXISTS FOR ()-[r:REPRESENTS]-() ON (r.articleId);
CREATE INDEX rel_operates_in_article IF NOT EXISTS FOR ()-[r:OPERATES_IN]-() ON (r.articleId);
