import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../src/domain/vocabulary.ts';
import { normalizedNamesOf } from '../../src/ingest/normalize-name.ts';
import {
  RunResolver,
  resolveRun,
  type KnownEntity,
  type KnownEntityLookup,
  type RunResolution,
} from '../../src/ingest/resolve-run.ts';
import { articleDoc, type ArticleBuilder } from '../fixtures/article-builder.ts';

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
      (entity) => entity.type === type && normalizedNamesOf(entity.name, entity.aliases).some((name) => names.includes(name)),
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
        message: 'expected State, the type "pakistan" already has in seed/a.json; received "Group" (an id names one entity, of one type)',
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
        message: 'expected Group, the type "ttp" already has in the graph; received "Person" (an id names one entity, of one type)',
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
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('Group', 'iskp', { name: 'ISKP', aliases: ['Isis K'] }) }, graph);
    expect(mergesIn(result, 'seed/a.json')).toMatchObject([
      { fromId: 'iskp', intoId: 'islamic-state-khorasan', reason: 'name', matched: 'isis k', fromName: 'ISKP' },
    ]);
  });

  it('matches names only within a type', async () => {
    const graph = new InMemoryGraph([known('georgia', 'State', 'Georgia')]);
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('Person', 'georgia-meloni', { name: 'Georgia' }) }, graph);
    expect(canonicalIn(result, 'seed/a.json')).toEqual({ 'georgia-meloni': 'georgia-meloni' });
    expect(mergesIn(result, 'seed/a.json')).toEqual([]);
  });

  it('tries wikidata before names', async () => {
    const graph = new InMemoryGraph([
      known('alpha', 'Group', 'Alpha', { wikidata: 'Q1' }),
      known('beta', 'Group', 'Beta'),
    ]);
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('Group', 'new', { name: 'Beta', wikidata: 'Q1' }) }, graph);
    expect(result.issues).toEqual([]);
    expect(mergesIn(result, 'seed/a.json')).toMatchObject([{ intoId: 'alpha', reason: 'wikidata', matched: 'Q1' }]);
  });

  it('does not resolve by name into an entity with a different wikidata id', async () => {
    const graph = new InMemoryGraph([known('georgia', 'State', 'Georgia', { wikidata: 'Q230' })]);
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('State', 'georgia-us', { name: 'Georgia', wikidata: 'Q1428' }) }, graph);
    expect(mergesIn(result, 'seed/a.json')).toEqual([]);
  });

  it('reports a wikidata id that a known entity of another type has', async () => {
    const graph = new InMemoryGraph([known('pakistan', 'State', 'Pakistan', { wikidata: 'Q843' })]);
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('Group', 'pak-army', { wikidata: 'Q843' }) }, graph);
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
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('Group', 'ttp', { name: 'TTP' }).add('Group', 'the-ttp', { name: 'TTP' }) });
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
    expect(mergesIn(result, 'seed/b.json')).toMatchObject([{ fromId: 'pakistani-taliban', intoId: 'ttp', reason: 'name', matched: 'ttp' }]);
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
    expect(mergesIn(result, 'seed/b.json')).toMatchObject([{ intoId: 'pakistan', reason: 'name', matched: 'islamic republic' }]);
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
    expect(canonicalIn(result, 'seed/b.json')).toEqual({ pakistan: 'pakistan', ttp: 'ttp', afghanistan: 'afghanistan' });
  });

  it('reports a reference nothing defines', async () => {
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('State', 'pakistan').add('State', 'india').claim('THREATENS', 'pakistan', 'india').claim('BLAMES', 'xyz', 'india') });
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
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('State', 'india').claim('BLAMES', 'india', 'xyz') }, null);
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([
      {
        file: 'seed/a.json',
        path: 'relations[0].target',
        message: 'unknown entity "xyz": not defined in this file or in another file of this run; the graph was not consulted (dry run)',
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
    const result = await run({ 'seed/a.json': doc('seed/a.json').add('Group', 'ttp').claim('SHELTERS', 'sco-summit', 'ttp') }, graph);
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
      { file: 'seed/a.json', path: 'article.authors[0]', message: 'expected the id of a Person; "dawn" is a Group (in the graph)' },
    ]);
  });

  it('requires attributedTo to be an actor', async () => {
    const result = await run({
      'seed/a.json': doc('seed/a.json').add('Statement', 'communique'),
      'seed/b.json': doc('seed/b.json').add('State', 'a').add('State', 'b').claim('THREATENS', 'a', 'b', { attributedTo: 'communique' }),
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
    expect(mergesIn(result, 'seed/a.json')).toMatchObject([{ fromId: 'g', intoId: 'evil', reason: 'name', fromName: hostile }]);
  });
});
