import { describe, expect, test } from 'vitest';
import { batchRows } from '../../../src/db/write-rows.ts';
import { validateArticleFile } from '../../../src/ingest/validate-article.ts';
import { planArticleWrite } from '../../../src/ingest/plan-article-write.ts';
import { articleDoc, type ArticleBuilder } from '../../fixtures/article-builder.ts';

function plan(json: unknown) {
  const { article } = validateArticleFile(json, 'a.json');
  if (!article) throw new Error('fixture article is invalid');
  return planArticleWrite(
    article,
    { file: 'a.json', canonicalIds: new Map(), merges: [], forwardReferences: [] },
    'hash',
  );
}

const v2 = (id: string) => articleDoc(id).set({ formatVersion: 2 });
const v2Rows = (document: ArticleBuilder) => batchRows([plan(document.build())]);

const first = plan(
  articleDoc('first')
    .add('State', 'pakistan', { description: 'first description' })
    .add('Group', 'taliban', { aliases: ['Kabul'] })
    .claim('CRITICIZES', 'pakistan', 'taliban', { date: '2024-05', confidence: 0.5, modality: 'alleged' })
    .claim('CRITICIZES', 'pakistan', 'taliban', { date: '2024-03-02' })
    .build(),
);
const second = plan(
  articleDoc('second')
    .add('State', 'pakistan', { description: 'second description', aliases: ['Islamabad'] })
    .add('Group', 'taliban')
    .claim('CRITICIZES', 'pakistan', 'taliban', { date: '2024' })
    .build(),
);

describe('batch rows', () => {
  test('claims of one relation across the batch are summed once: claims, distinct articles, strongest confidence, modalities', () => {
    const [delta] = batchRows([first, second]).relationDeltas;
    expect(delta).toMatchObject({
      type: 'CRITICIZES',
      key: 'pakistan taliban',
      claimCount: 3,
      articleCount: 2,
      maxConfidence: 1,
    });
    expect(delta?.modalities).toEqual(['alleged', 'asserted']);
  });

  test('the earliest claim starts first; the latest ends last, the first listed among those ending together', () => {
    const [delta] = batchRows([first, second]).relationDeltas;
    // "2024" spans the whole year: it starts first (2024-01-01) and ends last (2024-12-31).
    expect(delta).toMatchObject({
      firstSeen: '2024',
      firstDate: '2024-01-01',
      lastSeen: '2024',
      lastDate: '2024-12-31',
    });
    const [withinFirst] = batchRows([first]).relationDeltas;
    expect(withinFirst).toMatchObject({ firstSeen: '2024-03-02', lastSeen: '2024-05' });
  });

  test('each claim gets an id from its article and position, and the relation it belongs to', () => {
    const { claims } = batchRows([first]);
    expect(claims.map(({ id, relation }) => ({ id, relation }))).toEqual([
      { id: 'first#0', relation: 'CRITICIZES pakistan taliban' },
      { id: 'first#1', relation: 'CRITICIZES pakistan taliban' },
    ]);
  });

  test('an entity is one row: the first article’s name and properties, every article’s names', () => {
    const pakistan = batchRows([first, second]).entities.find((entity) => entity.id === 'pakistan');
    expect(pakistan?.props.description).toBe('first description');
    expect(pakistan?.names).toContain('Islamabad');
    expect(batchRows([first, second]).mentions.filter((mention) => mention.entityId === 'pakistan')).toHaveLength(2);
  });

  test('articles keep the order they were given in', () => {
    expect(batchRows([second, first]).articles.map(({ id, loadIndex }) => [id, loadIndex])).toEqual([
      ['second', 0],
      ['first', 1],
    ]);
  });

  test('a claim that is not affirmative has no relation and adds nothing to any relation', () => {
    const rows = v2Rows(
      v2('negated')
        .add('State', 'china')
        .add('State', 'pakistan')
        .claim('OPPOSES', 'china', 'pakistan', { polarity: 'negative' })
        .claim('OPPOSES', 'china', 'pakistan', { attributions: [{ holder: 'china', stance: 'denies' }] }),
    );
    expect(rows.claims.map(({ relation }) => relation)).toEqual([null, null]);
    expect(rows.relationDeltas).toEqual([]);
  });

  test('each claim carries its voices in order, and the article its publisher', () => {
    const rows = v2Rows(
      v2('voiced')
        .add('Group', 'dawn')
        .add('State', 'pakistan')
        .add('Group', 'taliban')
        .article({ publisherId: 'dawn' })
        .claim('CRITICIZES', 'pakistan', 'taliban', {
          attributions: [{ stance: 'reports' }, { holder: 'pakistan', stance: 'alleges', reportedBy: 0 }],
        }),
    );
    expect(rows.claims[0]?.heldBy).toEqual([
      { order: 0, holderId: null, stance: 'reports', reportedBy: null },
      { order: 1, holderId: 'pakistan', stance: 'alleges', reportedBy: 0 },
    ]);
    expect(rows.publishers).toEqual([{ articleId: 'voiced', publisherId: 'dawn' }]);
  });
});
