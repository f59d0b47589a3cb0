/**
 * A deterministic synthetic corpus shaped like real news: a few thousand actors whose
 * popularity follows a Zipf law (a few states and groups in most articles, a long tail in
 * one or two), names that come back under other ids and spellings (so entity resolution
 * merges), popular pairs of actors that recur, every relation type, and quotes that are
 * sentences of the article's own `text`. The same (articles, seed) always gives the same files.
 */
import {
  GROUP_CATEGORIES,
  RELATION_RULES,
  V1_RELATION_TYPES,
  type EntityType,
  type RelationType,
} from '../domain/vocabulary.ts';

export interface CorpusOptions {
  articles: number;
  seed: number;
  /** Distinct actors (State, Group, Person); default: a few thousand, fewer for small corpora. */
  actors?: number;
  entitiesPerArticle?: number;
  claimsPerArticle?: number;
}

type Json = Record<string, unknown>;

/** mulberry32: small, fast, and the same sequence on every platform. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Rank r (0-based) is drawn with weight 1 / (r + 1)^s. */
function zipf(size: number, exponent: number, next: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < size; rank += 1) {
    total += 1 / (rank + 1) ** exponent;
    cumulative.push(total);
  }
  return () => {
    const target = next() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

const SYLLABLES = [
  'ka',
  'ri',
  'stan',
  'mo',
  'lev',
  'dar',
  'zen',
  'ba',
  'qu',
  'tor',
  'ish',
  'vol',
  'na',
  'gar',
  'pe',
  'lum',
  'sa',
  'rek',
  'ost',
  'ul',
];
const GROUP_WORDS = ['Front', 'Movement', 'Brigade', 'Council', 'Alliance', 'Party', 'League', 'Army'];

interface Actor {
  id: string;
  type: 'State' | 'Group' | 'Person';
  name: string;
  aliases: string[];
  wikidata?: string;
  extra: Json;
}

function word(next: () => number, parts: number): string {
  let text = '';
  for (let index = 0; index < parts; index += 1) text += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Actors by popularity rank: the first are the states and groups every article mentions. */
function makeActors(count: number, next: () => number): Actor[] {
  const actors: Actor[] = [];
  const used = new Set<string>();
  for (let rank = 0; rank < count; rank += 1) {
    const roll = next();
    const type: Actor['type'] = rank % 10 === 0 || roll < 0.12 ? 'State' : roll < 0.6 ? 'Group' : 'Person';
    let name: string;
    do {
      // 20^3 states and 8 × 20^3 groups: room for thousands of distinct names.
      if (type === 'State') name = `${word(next, 3)}ia`;
      else if (type === 'Group') name = `${word(next, 3)} ${GROUP_WORDS[Math.floor(next() * GROUP_WORDS.length)]}`;
      else name = `${word(next, 2)} ${word(next, 3)}`;
    } while (used.has(name));
    used.add(name);
    const initials = name
      .split(' ')
      .map((part) => part.charAt(0))
      .join('');
    const aliases = type === 'Person' ? [`${name.split(' ')[1]}`] : [`${name} (${initials})`, `the ${name}`];
    const extra: Json =
      type === 'State'
        ? { iso3: `${name.slice(0, 2).toUpperCase()}${String.fromCharCode(65 + (rank % 26))}` }
        : type === 'Group'
          ? { category: GROUP_CATEGORIES[rank % GROUP_CATEGORIES.length] }
          : { role: 'spokesperson' };
    actors.push({
      id: `${slug(name)}-${rank}`,
      type,
      name,
      aliases,
      ...(type === 'State' && { wikidata: `Q${100_000 + rank}` }),
      extra,
    });
  }
  return actors;
}

const allows = (allowed: readonly EntityType[], type: EntityType) => allowed.includes(type);

/** One sentence per claim, written so its quote is the whole sentence. */
function sentence(type: RelationType, source: string, target: string, index: number): string {
  const verb = type.toLowerCase().replace(/_/g, ' ');
  return `In remark ${index}, ${source} ${verb} ${target}, according to officials.`;
}

/**
 * The corpus, one article at a time (a generator, so 20,000 articles never sit in memory).
 * Each value is the file name and the JSON document.
 */
export function* generateCorpus(options: CorpusOptions): Generator<{ file: string; json: Json }> {
  const next = random(options.seed);
  const actorCount = options.actors ?? Math.max(40, Math.min(3_000, Math.round(options.articles * 1.5)));
  const actors = makeActors(actorCount, next);
  const pick = zipf(actors.length, 1.05, next);
  const entitiesPerArticle = options.entitiesPerArticle ?? 14;
  const claimsPerArticle = options.claimsPerArticle ?? 25;
  // The documents are format version 1: its claim types only.
  const claimTypes = V1_RELATION_TYPES.filter((type) => RELATION_RULES[type].kind === 'claim');

  for (let index = 0; index < options.articles; index += 1) {
    const articleId = `synthetic-${String(index).padStart(6, '0')}`;
    const chosen = new Map<string, Actor>();
    for (let guard = 0; chosen.size < Math.min(entitiesPerArticle - 2, actors.length) && guard < 200; guard += 1) {
      const actor = actors[pick()] as Actor;
      chosen.set(actor.id, actor);
    }
    const inArticle = [...chosen.values()];
    // Some articles call an actor by another id and one of its aliases: resolution merges them.
    const entities: Json[] = inArticle.map((actor) => {
      const renamed = next() < 0.08 && actor.type !== 'Person';
      return {
        id: renamed ? `${actor.id}-alt` : actor.id,
        type: actor.type,
        name: renamed ? (actor.aliases[1] as string) : actor.name,
        aliases: renamed ? [actor.name] : actor.aliases.slice(0, 1 + Math.floor(next() * actor.aliases.length)),
        ...(actor.wikidata && { wikidata: actor.wikidata }),
        ...actor.extra,
      };
    });
    const meetingId = `${articleId}-meeting`;
    const statementId = `${articleId}-statement`;
    const date = `20${String(10 + (index % 15)).padStart(2, '0')}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`;
    entities.push({ id: meetingId, type: 'Meeting', name: `Meeting ${index}`, date });
    entities.push({ id: statementId, type: 'Statement', name: `Joint statement ${index}`, date });

    const typed = entities.map((entity) => ({
      id: String(entity.id),
      type: entity.type as EntityType,
      name: String(entity.name),
    }));
    const relations: Json[] = [];
    const sentences: string[] = [];
    const speakers = typed.filter((entity) => entity.type !== 'Meeting');
    // Squaring skews both ends towards the article's most popular actors (chosen first), so
    // the same pairs recur across articles, as popular dyads do in the news.
    const skewed = <T>(list: readonly T[]) => list[Math.floor(next() ** 2 * list.length)];
    for (let claim = 0; relations.length < claimsPerArticle && claim < claimsPerArticle * 4; claim += 1) {
      const type = claimTypes[Math.floor(next() * claimTypes.length)] as RelationType;
      const rule = RELATION_RULES[type];
      const source = skewed(speakers);
      const target = skewed(typed.filter((entity) => entity.id !== source?.id && allows(rule.targets, entity.type)));
      if (!source || !target || !allows(rule.sources, source.type)) continue;
      const quote = sentence(type, source.name, target.name, claim);
      sentences.push(quote);
      relations.push({
        type,
        source: source.id,
        target: target.id,
        quote,
        modality: (['asserted', 'alleged', 'implied', 'denied', 'speculated'] as const)[Math.floor(next() * 5)],
        confidence: Math.round((0.5 + next() / 2) * 100) / 100,
        ...(type === 'CALLS_ON' && { demand: `to stop ${target.name}` }),
        ...(next() < 0.3 && { date }),
      });
    }
    const attendees = typed.filter((entity) => entity.type === 'State' || entity.type === 'Group').slice(0, 3);
    for (const attendee of attendees) relations.push({ type: 'ATTENDED', source: attendee.id, target: meetingId });
    relations.push({ type: 'ISSUED', source: meetingId, target: statementId });
    for (const attendee of attendees) relations.push({ type: 'ISSUED', source: attendee.id, target: statementId });

    yield {
      file: `${articleId}.json`,
      json: {
        formatVersion: 1,
        article: {
          id: articleId,
          title: `Synthetic article ${index}`,
          publishedAt: date,
          publisher: 'Synthetic Wire',
          language: 'en',
          text: sentences.join(' '),
        },
        entities,
        relations,
      },
    };
  }
}
