import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/bench/corpus.ts';
import { ExtractedArticleSchema, type ExtractedArticle } from '../../src/domain/article.schema.ts';
import type { EntityType } from '../../src/domain/vocabulary.ts';
import { normalizedNamesOf } from '../../src/ingest/normalize-name.ts';
import {
  RESOLVE_CHUNK_FILES,
  RunResolver,
  resolveRun,
  type KnownEntity,
  type KnownEntityLookup,
  type RunResolution,
} from '../../src/ingest/resolve-run.ts';
import { SeedValidationError, validateRun } from '../../src/ingest/seed-run.ts';
import { articleDoc, articleDocV2, held, type ArticleBuilder } from '../fixtures/article-builder.ts';

/** The graph, in memory, recording every call so tests can see the batching. */
class InMemoryGraph implements KnownEntityLookup {
  readonly calls: string[] = [];

  constructor(
    private readonly entities: KnownEntity[] = [],
    /** Ids merged before → canonical id (the Merge nodes). */
    private readonly merged: Record<string, string> = {},
  ) {}

  async byIds(ids: string[]): Promise<KnownEntity[]> {
    this.calls.push(`byIds ${ids.join(',')}`);
    return ids.flatMap((asked) => {
      const canonical = this.merged[asked] ?? asked;
      const entity = this.entities.find(({ id }) => id === canonical);
      if (!entity) return [];
      return [canonical === asked ? entity : { ...entity, matchedId: asked }];
    });
  }

  async byWikidata(qids: string[]): Promise<KnownEntity[]> {
    this.calls.push(`byWikidata ${qids.join(',')}`);
    return this.entities.filter(({ wikidata }) => wikidata && qids.includes(wikidata));
  }

  async byNormalizedNames(type: EntityType, names: string[]): Promise<KnownEntity[]> {
    this.calls.push(`byNormalizedNames ${type} ${names.join(',')}`);
    return this.entities.filter(
      (entity) =>
        entity.type === type &&
        (entity.normalizedNames ?? normalizedNamesOf(entity.name, entity.aliases)).some((name) => names.includes(name)),
    );
  }
}

const known = (id: string, type: EntityType, name: string, more: Partial<KnownEntity> = {}): KnownEntity => ({
  id,
  type,
  name,
  aliases: [],
  ...more,
});

type Files = Record<string, ArticleBuilder>;

/** Each file's article id is derived from its path, so files do not clash by accident. */
function run(files: Files, lookup: KnownEntityLookup | null = new InMemoryGraph()): Promise<RunResolution> {
  return resolveRun(
    Object.entries(files).map(([file, doc]) => ({ file, article: doc.parse() })),
    lookup,
  );
}

const doc = (file: string) => articleDoc(file.replace(/^seed\//, '').replace(/\.json$/, ''));
const canonicalIn = (result: RunResolution, file: string) =>
  Object.fromEntries(result.resolutions.find((resolution) => resolution.file === file)?.canonicalIds ?? []);
const mergesIn = (result: RunResolution, file: string) =>
  result.resolutions.find((resolution) => resolution.file === file)?.merges;

describe('the same id is the same node', () => {
  it('resolves an id another file of the run defined to the same entity, without a merge', async () => {
    const result = await run({
      'seed/a.json': doc('seed/a.json').add('State', 'pakistan'),
      'seed/b.json': doc('seed/b.json').add('State', 'pakistan', { name: 'Islamic Republic of Pakistan' }),
    });
    expect(result.issues).toEqual([]);
    expect(canonicalIn(result, 'seed/b.json')).toEqual({ pakistan: 'pakistan' });
    expect(mergesIn(result, 'seed/b.json')).toEqual([]);
  });

  it('reports an id whose type differs from the one an earlier file gave it', async () => {
    const result = await run({
      'seed/a.json': doc('seed/a.json').add('State', 'pakistan'),
      'seed/b.json': doc('seed/b.json').add('Person', 'dar').add('Group', 'pakistan'),
    });
    expect(result.issues).toEqual([
      {
        file: 'seed/b.json',
        path: 'entities[1].type',
        message:
          'expected State, the type "pakistan" already has in seed/a.json; received "Group" (an id names one entity, of one type)',
      },
    ]);
  });

  it('reports an id whose type differs from the one it has in the graph', async () => {
    const graph = new InMemoryGraph([known('ttp', 'Group', 'TTP')]);
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('Person', 'ttp') }, graph);
    expect(result.issues).toEqual([
      {
        file: 'seed/a.json',
        path: 'entities[0].type',
        message:
          'expected Group, the type "ttp" already has in the graph; received "Person" (an id names one entity, of one type)',
      },
    ]);
  });

  it('follows an id the graph merged before to its canonical entity', async () => {
    const graph = new InMemoryGraph([known('islamic-state-khorasan', 'Group', 'Islamic State Khorasan')], {
      iskp: 'islamic-state-khorasan',
    });
    const result = await run(
      {
        'seed/a.json': doc('seed/a.json').add('Group', 'iskp', { name: 'ISKP' }),
        'seed/b.json': doc('seed/b.json').add('State', 'afghanistan').claim('OPERATES_IN', 'iskp', 'afghanistan'),
      },
      graph,
    );
    expect(result.issues).toEqual([]);
    expect(canonicalIn(result, 'seed/a.json')).toEqual({ iskp: 'islamic-state-khorasan' });
    expect(canonicalIn(result, 'seed/b.json')).toMatchObject({ iskp: 'islamic-state-khorasan' });
    expect(mergesIn(result, 'seed/a.json')).toEqual([]);
  });
});

describe('entity resolution', () => {
  it('resolves a new id with the wikidata id of an entity in the graph, and lists the merge', async () => {
    const graph = new InMemoryGraph([known('pakistan', 'State', 'Pakistan', { wikidata: 'Q843' })]);
    const result = await run(
      {
        'seed/a.json': doc('seed/a.json')
          .add('State', 'pak', { name: 'Islamabad', wikidata: 'Q843' })
          .add('Group', 'ttp')
          .claim('SHELTERS', 'pak', 'ttp'),
      },
      graph,
    );
    expect(result.issues).toEqual([]);
    expect(canonicalIn(result, 'seed/a.json')).toEqual({ pak: 'pakistan', ttp: 'ttp' });
    expect(mergesIn(result, 'seed/a.json')).toEqual([
      {
        fromId: 'pak',
        intoId: 'pakistan',
        reason: 'wikidata',
        matched: 'Q843',
        file: 'seed/a.json',
        articleId: 'a',
        fromName: 'Islamabad',
        fromType: 'State',
      },
    ]);
  });

  it('resolves a new id with the wikidata id of an entity an earlier file defined', async () => {
    const result = await run({
      'seed/a.json': doc('seed/a.json').add('State', 'pakistan', { wikidata: 'Q843' }),
      'seed/b.json': doc('seed/b.json').add('State', 'pak', { name: 'Pak', wikidata: 'Q843' }),
    });
    expect(canonicalIn(result, 'seed/b.json')).toEqual({ pak: 'pakistan' });
    expect(mergesIn(result, 'seed/b.json')).toMatchObject([{ fromId: 'pak', intoId: 'pakistan', reason: 'wikidata' }]);
  });

  it('resolves a new id whose normalized alias equals a known name of the same type', async () => {
    const graph = new InMemoryGraph([
      known('islamic-state-khorasan', 'Group', 'Islamic State Khorasan Province', { aliases: ['ISIS-K'] }),
    ]);
    const result = await run(
      { 'seed/a.json': doc('seed/a.json').add('Group', 'iskp', { name: 'ISKP', aliases: ['Isis K'] }) },
      graph,
    );
    expect(mergesIn(result, 'seed/a.json')).toMatchObject([
      { fromId: 'iskp', intoId: 'islamic-state-khorasan', reason: 'name', matched: 'isis k', fromName: 'ISKP' },
    ]);
  });

  it('matches names only within a type', async () => {
    const graph = new InMemoryGraph([known('georgia', 'State', 'Georgia')]);
    const result = await run(
      { 'seed/a.json': doc('seed/a.json').add('Person', 'georgia-meloni', { name: 'Georgia' }) },
      graph,
    );
    expect(canonicalIn(result, 'seed/a.json')).toEqual({ 'georgia-meloni': 'georgia-meloni' });
    expect(mergesIn(result, 'seed/a.json')).toEqual([]);
  });

  it('tries wikidata before names', async () => {
    const graph = new InMemoryGraph([
      known('alpha', 'Group', 'Alpha', { wikidata: 'Q1' }),
      known('beta', 'Group', 'Beta'),
    ]);
    const result = await run(
      { 'seed/a.json': doc('seed/a.json').add('Group', 'new', { name: 'Beta', wikidata: 'Q1' }) },
      graph,
    );
    expect(result.issues).toEqual([]);
    expect(mergesIn(result, 'seed/a.json')).toMatchObject([{ intoId: 'alpha', reason: 'wikidata', matched: 'Q1' }]);
  });

  it('does not resolve by name into an entity with a different wikidata id', async () => {
    const graph = new InMemoryGraph([known('georgia', 'State', 'Georgia', { wikidata: 'Q230' })]);
    const result = await run(
      { 'seed/a.json': doc('seed/a.json').add('State', 'georgia-us', { name: 'Georgia', wikidata: 'Q1428' }) },
      graph,
    );
    expect(mergesIn(result, 'seed/a.json')).toEqual([]);
  });

  it('reports a wikidata id that a known entity of another type has', async () => {
    const graph = new InMemoryGraph([known('pakistan', 'State', 'Pakistan', { wikidata: 'Q843' })]);
    const result = await run(
      { 'seed/a.json': doc('seed/a.json').add('Group', 'pak-army', { wikidata: 'Q843' }) },
      graph,
    );
    expect(result.issues).toEqual([
      {
        file: 'seed/a.json',
        path: 'entities[0].wikidata',
        message: 'expected the wikidata id of a Group; Q843 is "pakistan", a State in the graph',
      },
    ]);
  });

  it('reports a name that matches two different known entities, naming both', async () => {
    const graph = new InMemoryGraph([known('ttp', 'Group', 'Tehrik-i-Taliban Pakistan', { aliases: ['TTP'] })]);
    const result = await run(
      {
        'seed/a.json': doc('seed/a.json').add('Group', 'pakistani-taliban', { name: 'Pakistani Taliban' }),
        'seed/b.json': doc('seed/b.json').add('Group', 'tehreek', { name: 'TTP', aliases: ['Pakistani-Taliban'] }),
      },
      graph,
    );
    expect(result.issues).toEqual([
      {
        file: 'seed/b.json',
        path: 'entities[0]',
        message:
          'expected the names of "tehreek" to match at most one known entity; "ttp" (in the graph) and "pakistani-taliban" (in seed/a.json) both match: use the id of the one that is meant',
      },
    ]);
  });

  it('reports a wikidata id that two different known entities have', async () => {
    const graph = new InMemoryGraph([
      known('kabul-govt', 'Group', 'Kabul', { wikidata: 'Q5' }),
      known('taliban', 'Group', 'Taliban', { wikidata: 'Q5' }),
    ]);
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('Group', 'iea', { wikidata: 'Q5' }) }, graph);
    expect(result.issues).toEqual([
      {
        file: 'seed/a.json',
        path: 'entities[0].wikidata',
        message:
          'expected Q5 to match at most one known entity; "kabul-govt" (in the graph) and "taliban" (in the graph) both match: use the id of the one that is meant',
      },
    ]);
  });

  it('never resolves entities of the same file into each other', async () => {
    const result = await run({
      'seed/a.json': doc('seed/a.json').add('Group', 'ttp', { name: 'TTP' }).add('Group', 'the-ttp', { name: 'TTP' }),
    });
    expect(canonicalIn(result, 'seed/a.json')).toEqual({ ttp: 'ttp', 'the-ttp': 'the-ttp' });
    expect(mergesIn(result, 'seed/a.json')).toEqual([]);
  });

  it('knows only earlier files: the later file is the one resolved, whatever order the files are given in', async () => {
    const result = await resolveRun(
      [
        { file: 'seed/b.json', article: doc('seed/b.json').add('Group', 'pakistani-taliban', { name: 'TTP' }).parse() },
        { file: 'seed/a.json', article: doc('seed/a.json').add('Group', 'ttp', { name: 'TTP' }).parse() },
      ],
      new InMemoryGraph(),
    );
    expect(result.resolutions.map(({ file }) => file)).toEqual(['seed/a.json', 'seed/b.json']);
    expect(mergesIn(result, 'seed/b.json')).toMatchObject([
      { fromId: 'pakistani-taliban', intoId: 'ttp', reason: 'name', matched: 'ttp' },
    ]);
  });

  it('merges names: a name a resolved entity brought in resolves later files too', async () => {
    const graph = new InMemoryGraph([known('pakistan', 'State', 'Pakistan', { wikidata: 'Q843' })]);
    const result = await run(
      {
        'seed/a.json': doc('seed/a.json').add('State', 'pak', { name: 'Islamic Republic', wikidata: 'Q843' }),
        'seed/b.json': doc('seed/b.json').add('State', 'the-republic', { name: 'Islamic  Republic' }),
      },
      graph,
    );
    expect(mergesIn(result, 'seed/b.json')).toMatchObject([
      { intoId: 'pakistan', reason: 'name', matched: 'islamic republic' },
    ]);
  });

  it('treats an id resolved in an earlier file as that same entity, without a second merge', async () => {
    const graph = new InMemoryGraph([known('pakistan', 'State', 'Pakistan', { wikidata: 'Q843' })]);
    const result = await run(
      {
        'seed/a.json': doc('seed/a.json').add('State', 'pak', { wikidata: 'Q843' }),
        'seed/b.json': doc('seed/b.json').add('State', 'pak'),
      },
      graph,
    );
    expect(canonicalIn(result, 'seed/b.json')).toEqual({ pak: 'pakistan' });
    expect(mergesIn(result, 'seed/b.json')).toEqual([]);
  });

  it('resolves within the run in a dry run without a graph', async () => {
    const result = await run(
      {
        'seed/a.json': doc('seed/a.json').add('State', 'pakistan', { wikidata: 'Q843' }),
        'seed/b.json': doc('seed/b.json').add('State', 'pak', { wikidata: 'Q843' }),
      },
      null,
    );
    expect(canonicalIn(result, 'seed/b.json')).toEqual({ pak: 'pakistan' });
  });
});

describe('references name a known entity', () => {
  it('accepts references to entities of an earlier file, a later file and the graph', async () => {
    const graph = new InMemoryGraph([known('afghanistan', 'State', 'Afghanistan')]);
    const result = await run(
      {
        'seed/a.json': doc('seed/a.json').add('State', 'pakistan'),
        'seed/b.json': doc('seed/b.json').claim('BLAMES', 'pakistan', 'ttp').claim('SHELTERS', 'afghanistan', 'ttp'),
        'seed/c.json': doc('seed/c.json').add('Group', 'ttp'),
      },
      graph,
    );
    expect(result.issues).toEqual([]);
    expect(canonicalIn(result, 'seed/b.json')).toEqual({
      pakistan: 'pakistan',
      ttp: 'ttp',
      afghanistan: 'afghanistan',
    });
  });

  it('reports a reference nothing defines', async () => {
    const result = await run({
      'seed/a.json': doc('seed/a.json')
        .add('State', 'pakistan')
        .add('State', 'india')
        .claim('THREATENS', 'pakistan', 'india')
        .claim('BLAMES', 'xyz', 'india'),
    });
    expect(result.issues).toEqual([
      {
        file: 'seed/a.json',
        path: 'relations[1].source',
        message: 'unknown entity "xyz": not defined in this file, in another file of this run, or in the graph',
      },
    ]);
  });

  it('reports unknown authors and attributions too', async () => {
    const result = await run({
      'seed/a.json': doc('seed/a.json')
        .article({ authors: ['nobody'] })
        .add('State', 'a')
        .add('State', 'b')
        .claim('THREATENS', 'a', 'b', { attributedTo: 'ghost' }),
    });
    expect(result.issues.map(({ path }) => path)).toEqual(['article.authors[0]', 'relations[0].attributedTo']);
  });

  it('reports unresolved references as warnings in a dry run without a graph', async () => {
    const result = await run(
      { 'seed/a.json': doc('seed/a.json').add('State', 'india').claim('BLAMES', 'india', 'xyz') },
      null,
    );
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([
      {
        file: 'seed/a.json',
        path: 'relations[0].target',
        message:
          'unknown entity "xyz": not defined in this file or in another file of this run; the graph was not consulted (dry run)',
      },
    ]);
    expect(canonicalIn(result, 'seed/a.json')).toMatchObject({ xyz: 'xyz' });
  });

  it('points a reference to an id a later file resolves at the known entity', async () => {
    const graph = new InMemoryGraph([known('pakistan', 'State', 'Pakistan', { wikidata: 'Q843' })]);
    const result = await run(
      {
        'seed/a.json': doc('seed/a.json').add('Group', 'ttp').claim('FIGHTS', 'pak', 'ttp'),
        'seed/b.json': doc('seed/b.json').add('State', 'pak', { wikidata: 'Q843' }),
      },
      graph,
    );
    expect(result.issues).toEqual([]);
    expect(canonicalIn(result, 'seed/a.json')).toEqual({ ttp: 'ttp', pak: 'pakistan' });
  });
});

describe('types of references resolved across files and the graph', () => {
  it('checks an endpoint defined in another file', async () => {
    const result = await run({
      'seed/a.json': doc('seed/a.json').add('Meeting', 'nato-summit'),
      'seed/b.json': doc('seed/b.json').add('State', 'us').claim('CALLS_ON', 'us', 'nato-summit'),
    });
    expect(result.issues).toEqual([
      {
        file: 'seed/b.json',
        path: 'relations[0].target',
        message: 'expected the id of a State, Group or Person; "nato-summit" is a Meeting (in seed/a.json)',
      },
    ]);
  });

  it('checks an endpoint in the graph', async () => {
    const graph = new InMemoryGraph([known('sco-summit', 'Meeting', 'SCO summit')]);
    const result = await run(
      { 'seed/a.json': doc('seed/a.json').add('Group', 'ttp').claim('SHELTERS', 'sco-summit', 'ttp') },
      graph,
    );
    expect(result.issues).toEqual([
      {
        file: 'seed/a.json',
        path: 'relations[0].source',
        message: 'expected the id of a State or Group; "sco-summit" is a Meeting (in the graph)',
      },
    ]);
  });

  it('requires authors to be Persons', async () => {
    const graph = new InMemoryGraph([known('dawn', 'Group', 'Dawn')]);
    const result = await run({ 'seed/a.json': doc('seed/a.json').article({ authors: ['dawn'] }) }, graph);
    expect(result.issues).toEqual([
      {
        file: 'seed/a.json',
        path: 'article.authors[0]',
        message: 'expected the id of a Person; "dawn" is a Group (in the graph)',
      },
    ]);
  });

  it('requires attributedTo to be an actor', async () => {
    const result = await run({
      'seed/a.json': doc('seed/a.json').add('Statement', 'communique'),
      'seed/b.json': doc('seed/b.json')
        .add('State', 'a')
        .add('State', 'b')
        .claim('THREATENS', 'a', 'b', { attributedTo: 'communique' }),
    });
    expect(result.issues).toEqual([
      {
        file: 'seed/b.json',
        path: 'relations[0].attributedTo',
        message: 'expected the id of a State, Group or Person; "communique" is a Statement (in seed/a.json)',
      },
    ]);
  });
});

describe('unnamed entities are resolved by id and wikidata only', () => {
  const docV2 = (file: string) => articleDocV2(file.replace(/^seed\//, '').replace(/\.json$/, ''));
  const described = { name: 'Taliban-backed terrorists', unnamed: true };

  it('does not resolve an unnamed entity into a known one of the same name', async () => {
    const graph = new InMemoryGraph([known('taliban-backed-terrorists', 'Group', 'Taliban-backed terrorists')]);
    const result = await run(
      { 'seed/a.json': docV2('seed/a.json').add('Group', 'terrorists-in-balochistan', described) },
      graph,
    );
    expect(result.issues).toEqual([]);
    expect(mergesIn(result, 'seed/a.json')).toEqual([]);
    expect(canonicalIn(result, 'seed/a.json')).toEqual({ 'terrorists-in-balochistan': 'terrorists-in-balochistan' });
  });

  it('does not resolve an entity into an unnamed one of an earlier file by name', async () => {
    const result = await run({
      'seed/a.json': docV2('seed/a.json').add('Group', 'terrorists-in-balochistan', described),
      'seed/b.json': docV2('seed/b.json').add('Group', 'terrorists-in-khyber', described),
      'seed/c.json': docV2('seed/c.json').add('Group', 'tbt', { name: 'Taliban-backed terrorists' }),
    });
    expect(result.issues).toEqual([]);
    expect(mergesIn(result, 'seed/b.json')).toEqual([]);
    expect(mergesIn(result, 'seed/c.json')).toEqual([]);
  });

  it('does not resolve an entity into an unnamed one of the graph by name', async () => {
    const graph = new InMemoryGraph([
      known('terrorists-in-balochistan', 'Group', 'Taliban-backed terrorists', { normalizedNames: [] }),
    ]);
    const result = await run(
      {
        'seed/a.json': docV2('seed/a.json')
          .add('Group', 'terrorists-in-balochistan', described)
          .add('Group', 'tbt', { name: 'Taliban-backed terrorists' }),
      },
      graph,
    );
    expect(result.issues).toEqual([]);
    expect(mergesIn(result, 'seed/a.json')).toEqual([]);
  });

  it('resolves an unnamed entity by its wikidata id', async () => {
    const graph = new InMemoryGraph([known('ttp', 'Group', 'Tehrik-i-Taliban Pakistan', { wikidata: 'Q1138472' })]);
    const result = await run(
      { 'seed/a.json': docV2('seed/a.json').add('Group', 'militants', { ...described, wikidata: 'Q1138472' }) },
      graph,
    );
    expect(mergesIn(result, 'seed/a.json')).toMatchObject([{ fromId: 'militants', intoId: 'ttp', reason: 'wikidata' }]);
  });
});

describe('holders and publishers resolved across files and the graph', () => {
  const docV2 = (file: string) => articleDocV2(file.replace(/^seed\//, '').replace(/\.json$/, ''));

  it('checks a holder defined in another file', async () => {
    const result = await run({
      'seed/a.json': docV2('seed/a.json').add('Statement', 'communique'),
      'seed/b.json': docV2('seed/b.json')
        .add('State', 'a')
        .add('State', 'b')
        .claim('THREATENS', 'a', 'b', { attributions: [held(null, 'infers'), held('communique', 'asserts', 0)] }),
    });
    expect(result.issues).toEqual([
      {
        file: 'seed/b.json',
        path: 'relations[0].attributions[1].holder',
        message:
          'expected the id of a State, Group, Person or Collective; "communique" is a Statement (in seed/a.json)',
      },
    ]);
  });

  it('resolves a holder and a publisher the graph knows to their canonical ids', async () => {
    const graph = new InMemoryGraph([known('the-four', 'Collective', 'The four'), known('dawn', 'Group', 'Dawn')], {
      quadrilateral: 'the-four',
    });
    const result = await run(
      {
        'seed/a.json': docV2('seed/a.json')
          .article({ publisherId: 'dawn' })
          .add('State', 'a')
          .add('State', 'b')
          .claim('THREATENS', 'a', 'b', { attributions: [held('quadrilateral', 'believes')] }),
      },
      graph,
    );
    expect(result.issues).toEqual([]);
    expect(canonicalIn(result, 'seed/a.json')).toMatchObject({ quadrilateral: 'the-four', dawn: 'dawn' });
  });

  it('reports a publisher the graph knows as a State', async () => {
    const graph = new InMemoryGraph([known('pakistan', 'State', 'Pakistan')]);
    const result = await run({ 'seed/a.json': docV2('seed/a.json').article({ publisherId: 'pakistan' }) }, graph);
    expect(result.issues).toEqual([
      {
        file: 'seed/a.json',
        path: 'article.publisherId',
        message: 'expected the id of a Group or Person; "pakistan" is a State (in the graph)',
      },
    ]);
  });

  it('reports a holder nothing defines', async () => {
    const result = await run({
      'seed/a.json': docV2('seed/a.json')
        .add('State', 'a')
        .add('State', 'b')
        .claim('THREATENS', 'a', 'b', { attributions: [held('nobody', 'alleges')] }),
    });
    expect(result.issues).toEqual([
      {
        file: 'seed/a.json',
        path: 'relations[0].attributions[0].holder',
        message: 'unknown entity "nobody": not defined in this file, in another file of this run, or in the graph',
      },
    ]);
  });
});

describe('article ids are unique across the run', () => {
  it('reports the second file, in path order, that uses an article id', async () => {
    const result = await resolveRun(
      [
        { file: 'seed/b.json', article: articleDoc('same').parse() },
        { file: 'seed/a.json', article: articleDoc('same').parse() },
      ],
      new InMemoryGraph(),
    );
    expect(result.issues).toEqual([
      {
        file: 'seed/b.json',
        path: 'article.id',
        message: 'expected an article id no other file of this run uses; "same" is already the id of seed/a.json',
      },
    ]);
  });
});

describe('the resolver', () => {
  it('asks the graph in batches: at most one call per method (and type) per file', async () => {
    const graph = new InMemoryGraph([known('pakistan', 'State', 'Pakistan')]);
    await run(
      {
        'seed/a.json': doc('seed/a.json')
          .add('State', 'pakistan')
          .add('State', 'india', { wikidata: 'Q668' })
          .add('Group', 'ttp')
          .add('Group', 'bla', { wikidata: 'Q1' })
          .claim('THREATENS', 'ttp', 'pakistan')
          .claim('THREATENS', 'bla', 'afghanistan'),
      },
      graph,
    );
    expect(graph.calls).toEqual([
      'byIds pakistan,india,ttp,bla,afghanistan',
      'byWikidata Q668,Q1',
      'byNormalizedNames State india',
      'byNormalizedNames Group ttp,bla',
    ]);
  });

  it('does not ask the graph again for ids it already knows', async () => {
    const graph = new InMemoryGraph([known('pakistan', 'State', 'Pakistan')]);
    await run(
      {
        'seed/a.json': doc('seed/a.json').add('State', 'pakistan'),
        'seed/b.json': doc('seed/b.json').add('State', 'pakistan'),
      },
      graph,
    );
    expect(graph.calls).toEqual(['byIds pakistan']);
  });

  it('refuses files out of path order', async () => {
    const resolver = new RunResolver(null);
    await resolver.addFile('seed/b.json', articleDoc('b').parse());
    await expect(resolver.addFile('seed/a.json', articleDoc('a').parse())).rejects.toThrow(
      'Files must be resolved in path order: seed/a.json after seed/b.json',
    );
  });
});

describe('values are data', () => {
  it("resolves a hostile name like x'}) MATCH (n) DETACH DELETE n // as an ordinary name", async () => {
    const hostile = "x'}) MATCH (n) DETACH DELETE n //";
    const graph = new InMemoryGraph([known('evil', 'Group', hostile)]);
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('Group', 'g', { name: hostile }) }, graph);
    expect(mergesIn(result, 'seed/a.json')).toMatchObject([
      { fromId: 'g', intoId: 'evil', reason: 'name', fromName: hostile },
    ]);
  });
});

describe('resolving a run in chunks', () => {
  /**
   * A run shaped like real news (src/bench/corpus.ts: popular actors, renamed ids that merge by
   * name or wikidata id) against a graph holding what earlier articles said, plus files made to
   * collide with the graph: a wrong type, another wikidata id, a name two known entities share.
   */
  function scenario(runFiles: number, collisions = true) {
    const earlier = 60;
    const generated = [...generateCorpus({ articles: earlier + runFiles, seed: 7 })];
    const knownById = new Map<string, KnownEntity>();
    for (const { json } of generated.slice(0, earlier)) {
      for (const entity of ExtractedArticleSchema.parse(json).entities) {
        if (!knownById.has(entity.id))
          knownById.set(
            entity.id,
            known(entity.id, entity.type, entity.name, { aliases: entity.aliases ?? [], wikidata: entity.wikidata }),
          );
      }
    }
    const [someState] = [...knownById.values()].filter(({ type, wikidata }) => type === 'State' && wikidata);
    const graph = () =>
      new InMemoryGraph(
        [
          ...knownById.values(),
          known('twin-a', 'Group', 'Twin Front'),
          known('twin-b', 'Group', 'Twin Front'),
          known('old-q', 'State', 'Oldland', { wikidata: 'Q77', wikidataArticles: ['old-1', 'old-2'] }),
          // Which comes first in an ambiguity message depends on the order the graph answered.
          known('pee', 'Group', 'Pee', { aliases: ['Shared Name'] }),
          known('queue', 'Group', 'Queue', { aliases: ['Shared Name'] }),
          // ... and on when the run learnt of each: a file gives `alpha` the name of `beta` first.
          known('alpha', 'Group', 'Alpha'),
          known('beta', 'Group', 'Beta'),
        ],
        { 'merged-before': 'twin-a' },
      );
    const documents: Array<{ file: string; json: unknown }> = generated.slice(earlier);
    const at = (n: number) => `${(documents[n] as { file: string }).file.replace(/\.json$/, '')}-x.json`;
    const extra = (n: number, build: (doc: ArticleBuilder) => ArticleBuilder) =>
      documents.push({ file: at(n), json: build(articleDoc(at(n).replace(/\.json$/, ''))).build() });
    const state = someState as KnownEntity;
    if (collisions) {
      extra(3, (doc) => doc.add('Group', 'twin', { name: 'Twin Front' }).add('State', 'oldland', { wikidata: 'Q77' }));
      extra(5, (doc) => doc.add('Group', 'queue-2', { name: 'Queue' }).add('Group', 'pee-2', { name: 'Pee' }));
      extra(6, (doc) => doc.add('Group', 'shared', { name: 'Shared Name' }));
      extra(7, (doc) => doc.add('Group', 'alpha', { aliases: ['Beta'] }));
      extra(8, (doc) => doc.add('Group', 'beta-2', { name: 'Beta' }));
      extra(40, (doc) => doc.add('Person', state.id).add('Group', 'twin-2', { name: 'twin  front' }));
      extra(41, (doc) => doc.add('State', 'old-q', { wikidata: 'Q78' }).claim('THREATENS', 'merged-before', 'old-q'));
      extra(90, (doc) =>
        doc.add('Group', 'nova', { wikidata: state.wikidata as string }).claim('BLAMES', 'nova', 'nowhere'),
      );
    }
    const files = documents.map(({ file, json }) => ({ file, article: ExtractedArticleSchema.parse(json) }));
    return { graph, files, documents };
  }

  async function withoutPrefetch(
    files: ReadonlyArray<{ file: string; article: ExtractedArticle }>,
    lookup: KnownEntityLookup,
  ): Promise<RunResolution> {
    const resolver = new RunResolver(lookup);
    for (const { file, article } of [...files].sort((a, b) => (a.file < b.file ? -1 : 1)))
      await resolver.addFile(file, article);
    return resolver.finish();
  }

  /** At most `chunks` calls of each lookup method, per type for names. */
  function expectCallsPerKindAtMost(graph: InMemoryGraph, chunks: number): void {
    const callsOf = (prefix: string) => graph.calls.filter((call) => call.startsWith(`${prefix} `)).length;
    expect(callsOf('byIds')).toBeGreaterThan(0);
    expect(callsOf('byIds')).toBeLessThanOrEqual(chunks);
    expect(callsOf('byWikidata')).toBeLessThanOrEqual(chunks);
    for (const type of ['State', 'Group', 'Person', 'Meeting', 'Statement'])
      expect(callsOf(`byNormalizedNames ${type}`)).toBeLessThanOrEqual(chunks);
  }

  it('resolves exactly as file by file: the same merges, issues and order, whatever the chunk size', async () => {
    const { graph, files } = scenario(300);
    const fileByFile = await withoutPrefetch(files, graph());
    expect(fileByFile.issues.length).toBeGreaterThanOrEqual(5);
    expect(fileByFile.resolutions.flatMap(({ merges }) => merges.map(({ reason }) => reason))).toEqual(
      expect.arrayContaining(['name', 'wikidata']),
    );
    for (const chunkFiles of [1, 7, 64, 1000]) {
      expect(await resolveRun(files, graph(), chunkFiles)).toEqual(fileByFile);
    }
  });

  it('asks the graph once per lookup kind (and type) per chunk, not per file', async () => {
    const { graph: makeGraph, files } = scenario(1000);
    const graph = makeGraph();
    const result = await resolveRun(files, graph, 250);
    expect(result).toEqual(await withoutPrefetch(files, makeGraph()));
    expectCallsPerKindAtMost(graph, Math.ceil(files.length / 250));
  });

  it('validateRun reads, checks and resolves 1,000 files in chunks: a bounded number of lookups, the file-by-file result', async () => {
    const { graph: makeGraph, documents, files } = scenario(1000);
    const sources = documents
      .map(({ file, json }) => ({ file, read: async () => json }))
      .sort((a, b) => (a.file < b.file ? -1 : 1));
    const graph = makeGraph();
    const progress: number[] = [];
    const validation = await validateRun(sources, null, ({ done }) => progress.push(done), { lookup: graph }).catch(
      (error: unknown) => (error instanceof SeedValidationError ? error : Promise.reject(error)),
    );

    expectCallsPerKindAtMost(graph, Math.ceil(documents.length / RESOLVE_CHUNK_FILES));
    expect(progress).toEqual(sources.map((_, index) => index + 1));

    // The scenario's collisions make the run invalid: validateRun reports the file-by-file issues.
    const fileByFile = await withoutPrefetch(files, makeGraph());
    expect(validation).toBeInstanceOf(SeedValidationError);
    expect((validation as SeedValidationError).issues).toEqual(fileByFile.issues);
  });

  it('validateRun of a valid run gives the file-by-file resolutions', async () => {
    const { graph: makeGraph, documents, files } = scenario(600, false);
    const validation = await validateRun(
      documents.map(({ file, json }) => ({ file, read: async () => json })),
      null,
      () => {},
      { lookup: makeGraph() },
    );
    const fileByFile = await withoutPrefetch(files, makeGraph());
    expect(fileByFile.resolutions.some(({ merges }) => merges.length > 0)).toBe(true);
    expect([...validation.resolutions.values()]).toEqual(fileByFile.resolutions);
  });

  it('ends a chunk early when its files hold many names and relations', async () => {
    const documents = [...generateCorpus({ articles: 40, seed: 9 })];
    const graph = new InMemoryGraph();
    const sources = documents.map(({ file, json }) => ({ file, read: async () => json }));
    await validateRun(sources, null, () => {}, { lookup: graph, chunkItems: 1 });
    // Every file is a chunk of its own, and each has ids nothing before it had (its meeting).
    expect(graph.calls.filter((call) => call.startsWith('byIds ')).length).toBe(40);
  });

  it('still reports every invalid file and resolution issue of a chunked run', async () => {
    const graph = new InMemoryGraph([known('ttp', 'Group', 'TTP')]);
    const sources = [
      { file: 'a.json', read: async () => doc('a.json').add('Person', 'ttp').build() },
      { file: 'b.json', read: async () => ({ formatVersion: 1 }) },
      { file: 'c.json', read: async () => doc('c.json').add('State', 'x').claim('BLAMES', 'x', 'ghost').build() },
    ];
    const error = await validateRun(sources, null, () => {}, { lookup: graph, chunkFiles: 2 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SeedValidationError);
    const issues = (error as SeedValidationError).issues;
    expect(issues.map(({ file, path }) => `${file} ${path}`)).toEqual(
      expect.arrayContaining(['a.json entities[0].type', 'c.json relations[0].target']),
    );
    expect(issues.some(({ file }) => file === 'b.json')).toBe(true);
  });
});
