// Generated from src/domain/vocabulary.ts by `npm run schema:export`; do not edit by hand.
// Applied statement by statement by `npm run db:migrate` (also run by `seed` and `up`).
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id_unique IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT merge_from_id_unique IF NOT EXISTS FOR (n:Merge) REQUIRE n.fromId IS UNIQUE;
CREATE CONSTRAINT ingest_lock_name_unique IF NOT EXISTS FOR (n:IngestLock) REQUIRE n.name IS UNIQUE;
CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
CREATE INDEX entity_wikidata IF NOT EXISTS FOR (n:Entity) ON (n.wikidata);
CREATE INDEX article_published_at IF NOT EXISTS FOR (n:Article) ON (n.publishedAt);
CREATE INDEX article_file_hash IF NOT EXISTS FOR (n:Article) ON (n.fileHash);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
CREATE FULLTEXT INDEX entity_normalized_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.normalizedNames] OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
CREATE CONSTRAINT claim_id_unique IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE INDEX claim_relation IF NOT EXISTS FOR (n:Claim) ON (n.relation);
CREATE INDEX claim_article IF NOT EXISTS FOR (n:Claim) ON (n.articleId);
CREATE INDEX rel_criticizes_key IF NOT EXISTS FOR ()-[r:CRITICIZES]-() ON (r.key);
CREATE INDEX rel_shelters_key IF NOT EXISTS FOR ()-[r:SHELTERS]-() ON (r.key);
CREATE INDEX rel_threatens_key IF NOT EXISTS FOR ()-[r:THREATENS]-() ON (r.key);
CREATE INDEX rel_supports_key IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.key);
CREATE INDEX rel_opposes_key IF NOT EXISTS FOR ()-[r:OPPOSES]-() ON (r.key);
CREATE INDEX rel_calls_on_key IF NOT EXISTS FOR ()-[r:CALLS_ON]-() ON (r.key);
CREATE INDEX rel_blames_key IF NOT EXISTS FOR ()-[r:BLAMES]-() ON (r.key);
CREATE INDEX rel_fights_key IF NOT EXISTS FOR ()-[r:FIGHTS]-() ON (r.key);
CREATE INDEX rel_cooperates_with_key IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.key);
CREATE INDEX rel_attended_key IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.key);
CREATE INDEX rel_issued_key IF NOT EXISTS FOR ()-[r:ISSUED]-() ON (r.key);
CREATE INDEX rel_member_of_key IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.key);
CREATE INDEX rel_represents_key IF NOT EXISTS FOR ()-[r:REPRESENTS]-() ON (r.key);
CREATE INDEX rel_operates_in_key IF NOT EXISTS FOR ()-[r:OPERATES_IN]-() ON (r.key);
