/**
 * Rules that span the files of a run and the graph: references must name a known entity,
 * an id keeps one type, and a new id that is recognisably a known entity (same wikidata,
 * or the same normalized name or alias within a type) is resolved into it. An unnamed entity
 * (`unnamed: true`: its name is a description) is resolved by id and wikidata only, and no
 * other entity is resolved into it by name.
 *
 * Files are fed in path order, one at a time, and only a compact index of entities is
 * kept (id, type, wikidata, normalized names), so a run of many articles stays small.
 * The graph is asked in chunks of files (`prefetch`): once per lookup kind for the whole
 * chunk, not once per file; the answers are kept only until the next chunk.
 */
import type { EntityInput, ExtractedArticle } from '../domain/article.schema.ts';
import type { EntityType } from '../domain/vocabulary.ts';
import type { ForwardReference, KnownEntity, KnownEntityLookup, Merge } from '../domain/write-plan.ts';
import { listWords, type ValidationIssue } from './issues.ts';
import { normalizedNamesOf, resolutionNamesOf } from './normalize-name.ts';
import { referencesOf, wrongTypeMessage, type EntityReference } from './validate-article.ts';

export type { KnownEntity, KnownEntityLookup, Merge } from '../domain/write-plan.ts';

export interface Resolution {
  file: string;
  /** Every id the file uses (its entities and the ids it references) → the canonical id. */
  canonicalIds: Map<string, string>;
  merges: Merge[];
  /**
   * Entities the file references that only a later file of the run defines. The file is
   * written first, so its writer creates them (type and name) for its claims to point at;
   * the defining file then fills them in.
   */
  forwardReferences: ForwardReference[];
}

export interface RunResolution {
  /** In path order. */
  resolutions: Resolution[];
  issues: ValidationIssue[];
  /** Without a graph (dry run), references nothing in the run defines: they may be in the graph. */
  warnings: ValidationIssue[];
}

const GRAPH = Symbol('graph');

/** Files per chunk: the graph is asked once per lookup kind for each chunk. */
export const RESOLVE_CHUNK_FILES = 250;
/** A chunk also ends once its files hold this many names (entities' names and aliases) and relations. */
export const RESOLVE_CHUNK_ITEMS = 50_000;

/**
 * What the graph answered for a question about a chunk of files. `found` is in the order the
 * graph returned it; `at` maps each asked key to the positions in `found` it matched, so one
 * file's share comes out in the order one query for that file alone would have returned it.
 */
interface ChunkAnswer {
  asked: Set<string>;
  found: KnownEntity[];
  at: Map<string, number[]>;
}

function chunkAnswer(
  asked: readonly string[],
  found: KnownEntity[],
  keysOf: (known: KnownEntity) => readonly string[],
): ChunkAnswer {
  const answer: ChunkAnswer = { asked: new Set(asked), found, at: new Map() };
  found.forEach((known, position) => {
    for (const key of new Set(keysOf(known))) {
      if (!answer.asked.has(key)) continue;
      const positions = answer.at.get(key) ?? [];
      positions.push(position);
      answer.at.set(key, positions);
    }
  });
  return answer;
}

/** The share of a chunk's answer for `keys`; undefined when the chunk did not ask all of them. */
function shareOf(answer: ChunkAnswer | undefined, keys: readonly string[]): KnownEntity[] | undefined {
  if (!answer || !keys.every((key) => answer.asked.has(key))) return undefined;
  const positions = new Set(keys.flatMap((key) => answer.at.get(key) ?? []));
  return [...positions].sort((a, b) => a - b).map((position) => answer.found[position] as KnownEntity);
}

/** The graph's answers for the current chunk of files. */
interface ChunkAnswers {
  /** Asked id → the entity it names (canonical, `matchedId` set when merged), or null. */
  ids: Map<string, KnownEntity | null>;
  wikidata?: ChunkAnswer;
  names: Map<EntityType, ChunkAnswer>;
}

const storedNamesOf = (known: KnownEntity) => known.normalizedNames ?? normalizedNamesOf(known.name, known.aliases);

/** What the run remembers of an entity. */
interface IndexEntry {
  id: string;
  type: EntityType;
  /** The display name of its first definition. */
  name: string;
  wikidata: string | null;
  /** The articles that give `wikidata`; an article may change what only it said. */
  wikidataArticles: string[];
  names: Set<string>;
  /** The file that defined it first, or the graph. */
  origin: string | typeof GRAPH;
}

interface PendingReference {
  file: string;
  ref: EntityReference;
  resolution: Resolution;
}

/** What became of one entity of the file being resolved. */
type Outcome =
  | { kind: 'same'; entry: IndexEntry }
  | { kind: 'merge'; entry: IndexEntry; reason: Merge['reason']; matched: string }
  | { kind: 'new' }
  | { kind: 'rejected' };

const whereOf = (entry: IndexEntry) => (entry.origin === GRAPH ? 'in the graph' : `in ${entry.origin}`);
const quote = (value: string) => JSON.stringify(value);
const nameKey = (type: EntityType, name: string) => `${type}\u0000${name}`;

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

export class RunResolver {
  private readonly entries = new Map<string, IndexEntry>();
  /** Ids that were merged (in the graph or in this run) → canonical id. */
  private readonly redirects = new Map<string, string>();
  private readonly byWikidata = new Map<string, Set<string>>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly notInGraph = new Set<string>();
  private readonly articleFiles = new Map<string, string>();
  private readonly pending: PendingReference[] = [];
  private readonly resolutions: Resolution[] = [];
  private readonly issues: ValidationIssue[] = [];
  private lastFile: string | undefined;
  /** The graph's answers for the files `prefetch` was last given; memory bounded by a chunk. */
  private answers: ChunkAnswers | null = null;

  /** `lookup` null: a dry run without a database. */
  constructor(private readonly lookup: KnownEntityLookup | null) {}

  /**
   * Asks the graph, in one call per lookup kind (and type), everything `addFile` may need for
   * these articles: their ids, then the wikidata ids and normalized names of the entities
   * whose id neither the run nor the graph knows. `addFile` answers from these when they cover
   * its question, and asks the graph itself otherwise, so the outcome is the same with or
   * without prefetching; only the number of round trips changes. Replaces the previous
   * chunk's answers. Feed the chunk's files to `addFile` next, in path order.
   */
  async prefetch(articles: readonly ExtractedArticle[]): Promise<void> {
    this.answers = null;
    const lookup = this.lookup;
    if (!lookup) return;
    const ids = new Set<string>();
    for (const article of articles) {
      for (const { entity } of firstDefinitions(article.entities)) ids.add(entity.id);
      for (const ref of referencesOf(article)) ids.add(ref.id);
    }
    const answers: ChunkAnswers = { ids: new Map(), names: new Map() };
    const askIds = [...ids].filter((id) => !this.find(id) && !this.notInGraph.has(id));
    if (askIds.length > 0) {
      for (const id of askIds) answers.ids.set(id, null);
      for (const known of await lookup.byIds(askIds)) answers.ids.set(known.matchedId ?? known.id, known);
    }

    // Only the first definition of an id in the chunk can be new: later files find it in the run.
    const seen = new Set<string>();
    const qids = new Set<string>();
    const namesByType = new Map<EntityType, Set<string>>();
    for (const article of articles) {
      for (const { entity } of firstDefinitions(article.entities)) {
        if (seen.has(entity.id)) continue;
        seen.add(entity.id);
        if (this.find(entity.id) || answers.ids.get(entity.id)) continue;
        if (entity.wikidata) qids.add(entity.wikidata);
        for (const name of resolutionNamesOf(entity)) addTo(namesByType, entity.type, name);
      }
    }
    const types = [...namesByType.keys()];
    const [byWikidata, ...byName] = await Promise.all([
      qids.size > 0 ? lookup.byWikidata([...qids]) : null,
      ...types.map((type) => lookup.byNormalizedNames(type, [...(namesByType.get(type) as Set<string>)])),
    ]);
    if (byWikidata)
      answers.wikidata = chunkAnswer([...qids], byWikidata, (known) => (known.wikidata ? [known.wikidata] : []));
    types.forEach((type, i) => {
      answers.names.set(
        type,
        chunkAnswer([...(namesByType.get(type) as Set<string>)], byName[i] as KnownEntity[], storedNamesOf),
      );
    });
    this.answers = answers;
  }

  /** Files must come in path order: "known" means the graph or an earlier file. */
  async addFile(file: string, article: ExtractedArticle): Promise<void> {
    if (this.lastFile !== undefined && file <= this.lastFile) {
      throw new Error(`Files must be resolved in path order: ${file} after ${this.lastFile}`);
    }
    this.lastFile = file;
    this.checkArticleId(file, article.article.id);

    const resolution: Resolution = { file, canonicalIds: new Map(), merges: [], forwardReferences: [] };
    this.resolutions.push(resolution);

    const entities = firstDefinitions(article.entities);
    const localIds = new Set(entities.map(({ entity }) => entity.id));
    const references = referencesOf(article).filter((ref) => !localIds.has(ref.id));
    await this.fetchIds([...localIds, ...references.map((ref) => ref.id)]);

    const articleId = article.article.id;
    const outcomes = await this.resolveEntities(file, articleId, entities);
    entities.forEach(({ entity }, i) => {
      const outcome = outcomes[i] as Outcome;
      const canonical = this.apply(file, articleId, entity, outcome);
      resolution.canonicalIds.set(entity.id, canonical);
      if (outcome.kind === 'merge') {
        resolution.merges.push({
          fromId: entity.id,
          intoId: outcome.entry.id,
          reason: outcome.reason,
          matched: outcome.matched,
          file,
          articleId: article.article.id,
          fromName: entity.name,
          fromType: entity.type,
        });
      }
    });

    for (const ref of references) {
      if (!this.resolveReference(file, ref, resolution)) this.pending.push({ file, ref, resolution });
    }
  }

  /** Checks the references no file defined so far; call once, after the last file. */
  finish(): RunResolution {
    const warnings: ValidationIssue[] = [];
    for (const { file, ref, resolution } of this.pending) {
      if (this.resolveReference(file, ref, resolution)) {
        const entry = this.find(ref.id);
        if (entry && entry.origin !== GRAPH && !resolution.forwardReferences.some((known) => known.id === entry.id)) {
          resolution.forwardReferences.push({ id: entry.id, type: entry.type, name: entry.name });
        }
        continue;
      }
      resolution.canonicalIds.set(ref.id, ref.id);
      if (this.lookup) {
        this.issues.push({
          file,
          path: ref.path,
          message: `unknown entity ${quote(ref.id)}: not defined in this file, in another file of this run, or in the graph`,
        });
      } else {
        warnings.push({
          file,
          path: ref.path,
          message: `unknown entity ${quote(ref.id)}: not defined in this file or in another file of this run; the graph was not consulted (dry run)`,
        });
      }
    }
    this.pending.length = 0;
    this.answers = null;
    return { resolutions: this.resolutions, issues: this.issues, warnings };
  }

  private checkArticleId(file: string, articleId: string): void {
    const first = this.articleFiles.get(articleId);
    if (first === undefined) this.articleFiles.set(articleId, file);
    else
      this.issues.push({
        file,
        path: 'article.id',
        message: `expected an article id no other file of this run uses; ${quote(articleId)} is already the id of ${first}`,
      });
  }

  private find(id: string): IndexEntry | undefined {
    return this.entries.get(this.redirects.get(id) ?? id);
  }

  /** Loads the graph's entities for ids the run does not know yet. */
  private async fetchIds(ids: string[]): Promise<void> {
    if (!this.lookup) return;
    const ask = [...new Set(ids)].filter((id) => !this.find(id) && !this.notInGraph.has(id));
    if (ask.length === 0) return;
    const answers = this.answers;
    const fromChunk =
      answers && ask.every((id) => answers.ids.has(id)) ? ask.flatMap((id) => answers.ids.get(id) ?? []) : undefined;
    const found = new Set<string>();
    for (const known of fromChunk ?? (await this.lookup.byIds(ask))) {
      const asked = known.matchedId ?? known.id;
      found.add(asked);
      this.remember(known);
      if (asked !== known.id) this.redirects.set(asked, known.id);
    }
    for (const id of ask) if (!found.has(id)) this.notInGraph.add(id);
  }

  private remember(known: KnownEntity): IndexEntry {
    const existing = this.entries.get(known.id);
    if (existing) return existing;
    const entry: IndexEntry = {
      id: known.id,
      type: known.type,
      name: known.name,
      wikidata: null,
      wikidataArticles: [],
      names: new Set(),
      origin: GRAPH,
    };
    this.entries.set(entry.id, entry);
    // The names the graph finds it by: none for an unnamed entity.
    this.addNames(entry, storedNamesOf(known));
    this.setWikidata(entry, known.wikidata ?? null, known.wikidataArticles ?? []);
    return entry;
  }

  private addNames(entry: IndexEntry, names: readonly string[]): void {
    for (const name of names) {
      entry.names.add(name);
      addTo(this.byName, nameKey(entry.type, name), entry.id);
    }
  }

  /**
   * An entity has one wikidata id. A different one replaces it only when every article that
   * gave the old one is the article now being loaded (its new version changes it);
   * `conflictingWikidata` turned every other difference into an issue before this runs.
   */
  private setWikidata(entry: IndexEntry, wikidata: string | null, articles: readonly string[]): void {
    if (wikidata === null || entry.wikidata === wikidata) {
      if (wikidata !== null) entry.wikidataArticles = [...new Set([...entry.wikidataArticles, ...articles])];
      return;
    }
    if (entry.wikidata !== null) this.byWikidata.get(entry.wikidata)?.delete(entry.id);
    entry.wikidata = wikidata;
    entry.wikidataArticles = [...articles];
    addTo(this.byWikidata, wikidata, entry.id);
  }

  /** The issue when `entity` gives `entry` another wikidata id than other articles do. */
  private conflictingWikidata(
    file: string,
    articleId: string,
    entity: EntityInput,
    index: number,
    entry: IndexEntry,
  ): ValidationIssue | null {
    if (!entity.wikidata || !entry.wikidata || entity.wikidata === entry.wikidata) return null;
    const others = entry.wikidataArticles.filter((other) => other !== articleId);
    if (others.length === 0 && entry.origin === GRAPH) return null;
    const source = others.length > 0 ? `article ${quote(others[0] as string)}` : whereOf(entry);
    return {
      file,
      path: `entities[${index}].wikidata`,
      message:
        `expected ${entry.wikidata}, the wikidata id ${quote(entry.id)} has from ${source}; received ${quote(entity.wikidata)}. ` +
        'An entity has one wikidata id: correct this file or that article',
    };
  }

  /**
   * Decides every entity of the file before any is indexed, so each is compared with what
   * was known before the file: entities of the same file never resolve into each other.
   */
  private async resolveEntities(file: string, articleId: string, entities: LocalEntity[]): Promise<Outcome[]> {
    const fresh = entities.filter(({ entity }) => !this.find(entity.id));
    await this.fetchCandidates(fresh.map(({ entity }) => entity));
    return entities.map(({ entity, index }) => {
      const known = this.find(entity.id);
      if (known) return this.sameId(file, articleId, entity, index, known);
      return this.matchByWikidata(file, entity, index) ?? this.matchByName(file, entity, index) ?? { kind: 'new' };
    });
  }

  private async fetchCandidates(entities: EntityInput[]): Promise<void> {
    const lookup = this.lookup;
    if (!lookup || entities.length === 0) return;
    const qids = [...new Set(entities.flatMap((entity) => (entity.wikidata ? [entity.wikidata] : [])))];
    const namesByType = new Map<EntityType, Set<string>>();
    for (const entity of entities) {
      for (const name of resolutionNamesOf(entity)) addTo(namesByType, entity.type, name);
    }
    const answers = this.answers;
    const batches = await Promise.all([
      qids.length > 0 ? (shareOf(answers?.wikidata, qids) ?? lookup.byWikidata(qids)) : [],
      ...[...namesByType].map(([type, set]) => {
        const names = [...set];
        return shareOf(answers?.names.get(type), names) ?? lookup.byNormalizedNames(type, names);
      }),
    ]);
    for (const known of batches.flat()) this.remember(known);
  }

  private sameId(file: string, articleId: string, entity: EntityInput, index: number, known: IndexEntry): Outcome {
    if (known.type === entity.type) {
      const conflict = this.conflictingWikidata(file, articleId, entity, index, known);
      if (!conflict) return { kind: 'same', entry: known };
      this.issues.push(conflict);
      return { kind: 'rejected' };
    }
    this.issues.push({
      file,
      path: `entities[${index}].type`,
      message: `expected ${known.type}, the type ${quote(entity.id)} already has ${whereOf(known)}; received ${quote(entity.type)} (an id names one entity, of one type)`,
    });
    return { kind: 'rejected' };
  }

  private entriesOf(ids: Iterable<string> | undefined): IndexEntry[] {
    return [...(ids ?? [])].flatMap((id) => this.entries.get(id) ?? []);
  }

  private matchByWikidata(file: string, entity: EntityInput, index: number): Outcome | undefined {
    if (!entity.wikidata) return undefined;
    const matches = this.entriesOf(this.byWikidata.get(entity.wikidata));
    const path = `entities[${index}].wikidata`;
    if (matches.length > 1) {
      this.issues.push({ file, path, message: ambiguityMessage(entity.wikidata, matches) });
      return { kind: 'rejected' };
    }
    const [match] = matches;
    if (!match) return undefined;
    if (match.type !== entity.type) {
      this.issues.push({
        file,
        path,
        message: `expected the wikidata id of a ${entity.type}; ${entity.wikidata} is ${quote(match.id)}, a ${match.type} ${whereOf(match)}`,
      });
      return { kind: 'rejected' };
    }
    return { kind: 'merge', entry: match, reason: 'wikidata', matched: entity.wikidata };
  }

  private matchByName(file: string, entity: EntityInput, index: number): Outcome | undefined {
    const names = resolutionNamesOf(entity);
    const matches = new Map<string, { entry: IndexEntry; name: string }>();
    for (const name of names) {
      for (const entry of this.entriesOf(this.byName.get(nameKey(entity.type, name)))) {
        // Different wikidata ids are different things, whatever they are called ("Georgia").
        const conflicting = entity.wikidata && entry.wikidata && entity.wikidata !== entry.wikidata;
        if (!conflicting && !matches.has(entry.id)) matches.set(entry.id, { entry, name });
      }
    }
    if (matches.size > 1) {
      const entries = [...matches.values()].map(({ entry }) => entry);
      this.issues.push({
        file,
        path: `entities[${index}]`,
        message: ambiguityMessage(`the names of ${quote(entity.id)}`, entries),
      });
      return { kind: 'rejected' };
    }
    const [match] = matches.values();
    return match && { kind: 'merge', entry: match.entry, reason: 'name', matched: match.name };
  }

  /** Records the outcome in the index; returns the canonical id. */
  private apply(file: string, articleId: string, entity: EntityInput, outcome: Outcome): string {
    const names = resolutionNamesOf(entity);
    if (outcome.kind === 'same' || outcome.kind === 'merge') {
      this.addNames(outcome.entry, names);
      this.setWikidata(outcome.entry, entity.wikidata ?? null, [articleId]);
      if (outcome.kind === 'merge') this.redirects.set(entity.id, outcome.entry.id);
      return outcome.entry.id;
    }
    if (outcome.kind === 'new' || !this.find(entity.id)) {
      // A rejected entity is still indexed, so its references do not cascade into more issues.
      const entry: IndexEntry = {
        id: entity.id,
        type: entity.type,
        name: entity.name,
        wikidata: null,
        wikidataArticles: [],
        names: new Set(),
        origin: file,
      };
      this.entries.set(entry.id, entry);
      this.addNames(entry, names);
      this.setWikidata(entry, entity.wikidata ?? null, [articleId]);
    }
    return entity.id;
  }

  /** Resolves a reference to an entity outside the file; false when nothing defines it yet. */
  private resolveReference(file: string, ref: EntityReference, resolution: Resolution): boolean {
    const entry = this.find(ref.id);
    if (!entry) return false;
    resolution.canonicalIds.set(ref.id, entry.id);
    if (!ref.allowed.includes(entry.type)) {
      this.issues.push({
        file,
        path: ref.path,
        message: wrongTypeMessage(ref.allowed, ref.id, entry.type, `(${whereOf(entry)})`),
      });
    }
    return true;
  }
}

interface LocalEntity {
  entity: EntityInput;
  index: number;
}

/** A duplicate id is the validator's issue; resolution uses the first definition. */
function firstDefinitions(entities: readonly EntityInput[]): LocalEntity[] {
  const seen = new Set<string>();
  return entities.flatMap((entity, index) => {
    if (seen.has(entity.id)) return [];
    seen.add(entity.id);
    return [{ entity, index }];
  });
}

function ambiguityMessage(what: string, matches: readonly IndexEntry[]): string {
  const named = matches.map((entry) => `${quote(entry.id)} (${whereOf(entry)})`);
  const all = matches.length === 2 ? 'both' : 'all';
  return `expected ${what} to match at most one known entity; ${listWords(named, 'and')} ${all} match: use the id of the one that is meant`;
}

/**
 * The parts of an article resolution reads (ids, types, names, aliases, wikidata ids,
 * authors, relation endpoints): what a chunk of files waiting for `prefetch` keeps, without
 * the text, quotes and descriptions.
 */
export function forResolution(article: ExtractedArticle): ExtractedArticle {
  return {
    ...article,
    article: { ...article.article, text: undefined },
    entities: article.entities.map((entity) =>
      entity.type === 'Statement'
        ? { ...entity, description: undefined, summary: undefined }
        : { ...entity, description: undefined },
    ),
    relations: article.relations.map((relation) => ({
      ...relation,
      quote: undefined,
      demand: undefined,
      note: undefined,
    })),
  };
}

/** Names (each entity's name and aliases) and relations of an article: what a chunk's size is counted in, besides files. */
export function resolutionItemsOf(article: ExtractedArticle): number {
  return (
    article.entities.reduce((items, entity) => items + 1 + (entity.aliases?.length ?? 0), 0) + article.relations.length
  );
}

/** Resolves a whole run: files in path order, in chunks, then the references no file defined. */
export async function resolveRun(
  files: ReadonlyArray<{ file: string; article: ExtractedArticle }>,
  lookup: KnownEntityLookup | null,
  chunkFiles = RESOLVE_CHUNK_FILES,
): Promise<RunResolution> {
  const resolver = new RunResolver(lookup);
  const ordered = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const step = Math.max(1, chunkFiles);
  for (let start = 0; start < ordered.length; start += step) {
    const chunk = ordered.slice(start, start + step);
    await resolver.prefetch(chunk.map(({ article }) => article));
    for (const { file, article } of chunk) await resolver.addFile(file, article);
  }
  return resolver.finish();
}
