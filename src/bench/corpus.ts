/**
 * A deterministic synthetic corpus shaped like real news: a few thousand actors whose
 * popularity follows a Zipf law (a few states and groups in most articles, a long tail in
 * one or two), names that come back under other ids and spellings (so entity resolution
 * merges), popular pairs of actors that recur, every relation type, and quotes that are
 * sentences of the article's own `text`. The same (articles, seed) always gives the same files.
 *
 * Most files are format version 2, with the evidence model's shapes in realistic shares
 * (CORPUS_SHARES): claims held by one actor or by the article, chains of holders reported by
 * one another, denials, negated, conditional and hypothetical claims, collectives of states
 * that hold and make claims, places and events (claims about events too), validity spans,
 * Admiralty ratings and sections. Every fifth file stays version 1, which must keep loading.
 */
import {
  DEMAND_RELATION_TYPES,
  EVENT_KINDS,
  GROUP_CATEGORIES,
  RELATION_RULES,
  RELATION_TYPES,
  V1_RELATION_TYPES,
  type EntityType,
  type RelationType,
} from '../domain/vocabulary.ts';
import { SOURCE_RELIABILITY_GRADES, type Stance } from '../domain/evidence-vocabulary.ts';

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

/**
 * How often each shape of the evidence model occurs, per claim of a version 2 file (articles
 * for `v1Every`): shares a real extraction gives, roughly, so the bench writes and reads the
 * v2 graph as it will be.
 */
export const CORPUS_SHARES = {
  /** Every n-th article is written in format version 1. */
  v1Every: 5,
  /** Held by a chain of 2 or 3 holders, each later one reported by an earlier one. */
  chain: 0.1,
  /** Held by one holder who denies it. */
  denial: 0.05,
  /** Held by one holder who hopes or fears it (not affirmed either). */
  hopeOrFear: 0.02,
  negative: 0.05,
  conditional: 0.015,
  hypothetical: 0.015,
  /** Of the claims of an article that names a collective, made by the collective. */
  byCollective: 0.15,
  /** Articles that name a collective (with its members). */
  collectiveArticles: 0.3,
  /** Claims whose object is the article's event, where the type allows an event. */
  aboutEvent: 0.05,
  validFrom: 0.15,
  ended: 0.05,
  credibility: 0.6,
  quotedSpeech: 0.2,
} as const;

/** Stances of a single holder that affirms, weighted: mostly plain assertions. */
const AFFIRMING_STANCES: readonly Stance[] = [
  'asserts',
  'asserts',
  'asserts',
  'asserts',
  'alleges',
  'alleges',
  'suspects',
  'implies',
  'believes',
  'expects',
  'speculates',
  'reports',
];
const V1_MODALITIES = [
  'asserted',
  'asserted',
  'asserted',
  'asserted',
  'alleged',
  'alleged',
  'implied',
  'speculated',
  'denied',
];
const COLLECTIVE_SIZES = ['Trio', 'Quartet', 'Quintet'] as const;
const PUBLISHERS = 5;
const AUTHORS = 40;

const allows = (allowed: readonly EntityType[], type: EntityType) => allowed.includes(type);
const HOLDER_TYPES: readonly EntityType[] = ['State', 'Group', 'Person', 'Collective'];

/** One sentence per claim, written so its quote is the whole sentence. */
function sentence(type: RelationType, source: string, target: string, index: number, shape: string): string {
  const verb = type.toLowerCase().replace(/_/g, ' ');
  return `In remark ${index}, ${source}${shape === 'negative' ? ' does not' : shape === 'hypothetical' ? ' might' : ''} ${verb} ${target}${shape === 'conditional' ? ' if talks fail' : ''}, according to officials.`;
}

interface World {
  actors: Actor[];
  pick: () => number;
  /** Groups of 3-5 popular states, stored once. */
  collectives: Array<{ id: string; name: string; members: Actor[] }>;
  /** One city per state, by the state's id. */
  cities: Map<string, Json>;
  publishers: Json[];
  authors: Json[];
}

function makeWorld(options: CorpusOptions, next: () => number): World {
  const actorCount = options.actors ?? Math.max(40, Math.min(3_000, Math.round(options.articles * 1.5)));
  const actors = makeActors(actorCount, next);
  const pick = zipf(actors.length, 1.05, next);
  const states = actors.filter((actor) => actor.type === 'State');
  const popularStates = states.slice(0, Math.max(6, Math.min(60, states.length)));
  const collectives: World['collectives'] = [];
  for (let index = 0; index < Math.max(2, Math.round(actorCount / 150)); index += 1) {
    const size = 3 + Math.floor(next() * 3);
    const members = new Map<string, Actor>();
    for (let guard = 0; members.size < Math.min(size, popularStates.length) && guard < 50; guard += 1) {
      const state = popularStates[Math.floor(next() ** 2 * popularStates.length)] as Actor;
      members.set(state.id, state);
    }
    const name = `The ${word(next, 2)} ${COLLECTIVE_SIZES[members.size - 3] ?? 'Bloc'} ${index}`;
    collectives.push({ id: slug(name), name, members: [...members.values()] });
  }
  const cities = new Map<string, Json>();
  states.forEach((state, rank) => {
    const name = `${state.name.slice(0, -2)}ton`;
    cities.set(state.id, {
      id: `${slug(name)}-city-${rank}`,
      type: 'Place',
      name,
      placeType: rank % 4 === 3 ? 'region' : 'city',
      latitude: Math.round((next() * 140 - 70) * 1000) / 1000,
      longitude: Math.round((next() * 340 - 170) * 1000) / 1000,
    });
  });
  const publishers = Array.from({ length: PUBLISHERS }, (_, index) => ({
    id: `synthetic-wire-${index}`,
    type: 'Group',
    name: `Synthetic Wire ${index}`,
    category: 'media',
    sourceReliability: SOURCE_RELIABILITY_GRADES[index % SOURCE_RELIABILITY_GRADES.length],
  }));
  const authors = Array.from({ length: AUTHORS }, (_, index) => ({
    id: `correspondent-${index}`,
    type: 'Person',
    name: `${word(next, 2)} Correspondent ${index}`,
    role: 'correspondent',
  }));
  return { actors, pick, collectives, cities, publishers, authors };
}

/** Some articles call an actor by another id and one of its aliases: resolution merges them. */
function mentionOf(actor: Actor, next: () => number): Json {
  const renamed = next() < 0.08 && actor.type !== 'Person';
  return {
    id: renamed ? `${actor.id}-alt` : actor.id,
    type: actor.type,
    name: renamed ? (actor.aliases[1] as string) : actor.name,
    aliases: renamed ? [actor.name] : actor.aliases.slice(0, 1 + Math.floor(next() * actor.aliases.length)),
    ...(actor.wikidata && { wikidata: actor.wikidata }),
    ...actor.extra,
  };
}

interface Typed {
  id: string;
  type: EntityType;
  name: string;
}

/** A partial date no later than the article's, as precise as a source would give it. */
function earlierDate(date: string, next: () => number): string {
  const year = Number(date.slice(0, 4)) - Math.floor(next() * 3);
  return next() < 0.5 ? String(year) : `${year}-${date.slice(5, 7)}`;
}

/** The version 2 fields of one claim: its holders, polarity, condition, span, rating and section. */
function claimShape(
  next: () => number,
  context: { source: Typed; target: Typed; holders: Typed[]; authorId: string; collective: Typed | null },
): { shape: string; fields: Json } {
  const { source, target, holders, authorId, collective } = context;
  const holderOf = (entity: Typed) => (allows(HOLDER_TYPES, entity.type) ? entity.id : undefined);
  const someHolder = () => holders[Math.floor(next() ** 2 * holders.length)] as Typed;
  const choose = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const roll = next();
  let attributions: Json[] | undefined;
  if (roll < CORPUS_SHARES.chain) {
    // "According to the author, the four believe X, as Pakistan suspects."
    const reporter: Json = next() < 0.5 ? { holder: authorId, stance: 'infers' } : { stance: 'reports' };
    const believer = collective && next() < 0.5 ? collective : someHolder();
    attributions = [
      reporter,
      { holder: believer.id, stance: choose(['believes', 'alleges', 'suspects']), reportedBy: 0 },
    ];
    if (next() < 0.5)
      attributions.push({
        holder: someHolder().id,
        stance: choose(['suspects', 'alleges', 'expects']),
        reportedBy: Math.floor(next() * 2),
      });
  } else if (roll < CORPUS_SHARES.chain + CORPUS_SHARES.denial) {
    attributions = [{ holder: holderOf(target) ?? someHolder().id, stance: 'denies' }];
  } else if (roll < CORPUS_SHARES.chain + CORPUS_SHARES.denial + CORPUS_SHARES.hopeOrFear) {
    attributions = [{ holder: holderOf(source) ?? someHolder().id, stance: choose(['hopes', 'fears']) }];
  } else if (next() < 0.55 && holderOf(source)) {
    attributions = [{ holder: source.id, stance: choose(AFFIRMING_STANCES) }];
  } else if (next() < 0.3) {
    attributions = [{ holder: authorId, stance: choose(['asserts', 'infers']) }];
  }
  const shapeRoll = next();
  const shape =
    shapeRoll < CORPUS_SHARES.negative
      ? 'negative'
      : shapeRoll < CORPUS_SHARES.negative + CORPUS_SHARES.conditional
        ? 'conditional'
        : shapeRoll < CORPUS_SHARES.negative + CORPUS_SHARES.conditional + CORPUS_SHARES.hypothetical
          ? 'hypothetical'
          : 'plain';
  return {
    shape,
    fields: {
      ...(attributions && { attributions }),
      ...(shape === 'negative' && { polarity: 'negative' }),
      ...(shape === 'conditional' && { condition: 'if talks fail' }),
      ...(shape === 'hypothetical' && { hypothetical: true }),
    },
  };
}

/** The span, rating and section fields of one claim of a version 2 file. */
function claimContext(next: () => number, date: string, ordinal: number): Json {
  const fields: Json = {};
  if (next() < CORPUS_SHARES.validFrom) fields.validFrom = earlierDate(date, next);
  if (next() < CORPUS_SHARES.ended) Object.assign(fields, { validTo: date, ended: true });
  if (next() < CORPUS_SHARES.credibility) fields.credibility = 1 + Math.floor(next() ** 1.5 * 6);
  if (ordinal === 0) fields.section = 'headline';
  else if (next() < CORPUS_SHARES.quotedSpeech) fields.section = 'quoted-speech';
  return fields;
}

/**
 * The corpus, one article at a time (a generator, so 20,000 articles never sit in memory).
 * Each value is the file name and the JSON document.
 */
export function* generateCorpus(options: CorpusOptions): Generator<{ file: string; json: Json }> {
  const next = random(options.seed);
  const world = makeWorld(options, next);
  const { actors, pick } = world;
  const entitiesPerArticle = options.entitiesPerArticle ?? 14;
  const claimsPerArticle = options.claimsPerArticle ?? 25;
  const claimTypesOf = (v1: boolean) =>
    RELATION_TYPES.filter(
      (type) =>
        RELATION_RULES[type].kind === 'claim' && (!v1 || (V1_RELATION_TYPES as readonly string[]).includes(type)),
    );

  for (let index = 0; index < options.articles; index += 1) {
    const v1 = index % CORPUS_SHARES.v1Every === CORPUS_SHARES.v1Every - 1;
    const claimTypes = claimTypesOf(v1);
    const articleId = `synthetic-${String(index).padStart(6, '0')}`;
    const chosen = new Map<string, Actor>();
    for (let guard = 0; chosen.size < Math.min(entitiesPerArticle - 2, actors.length) && guard < 200; guard += 1) {
      const actor = actors[pick()] as Actor;
      chosen.set(actor.id, actor);
    }
    const inArticle = [...chosen.values()];
    const entities: Json[] = inArticle.map((actor) => mentionOf(actor, next));
    const meetingId = `${articleId}-meeting`;
    const statementId = `${articleId}-statement`;
    const date = `20${String(10 + (index % 15)).padStart(2, '0')}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`;
    entities.push({ id: meetingId, type: 'Meeting', name: `Meeting ${index}`, date });
    entities.push({ id: statementId, type: 'Statement', name: `Joint statement ${index}`, date });
    const structural: Json[] = [];

    // Version 2's entities: the publisher and author, a place, an event, maybe a collective.
    const publisher = world.publishers[index % PUBLISHERS] as Json;
    const author = world.authors[Math.floor(next() * AUTHORS)] as Json;
    let collective: Typed | null = null;
    let eventId: string | null = null;
    if (!v1) {
      entities.push(publisher, author);
      const host = inArticle.find((actor) => actor.type === 'State');
      const city = host ? world.cities.get(host.id) : undefined;
      if (host && city) {
        entities.push(city);
        structural.push({ type: 'LOCATED_IN', source: city.id, target: entities[inArticle.indexOf(host)]?.id });
        structural.push({ type: 'LOCATED_IN', source: meetingId, target: city.id });
      }
      eventId = `${articleId}-event`;
      const end = next() < 0.5 ? date : undefined;
      entities.push({
        id: eventId,
        type: 'Event',
        name: `Incident ${index}`,
        kind: EVENT_KINDS[index % EVENT_KINDS.length],
        start: date.slice(0, 7),
        ...(end && { end }),
      });
      if (city) structural.push({ type: 'LOCATED_IN', source: eventId, target: city.id });
      if (next() < CORPUS_SHARES.collectiveArticles && world.collectives.length > 0) {
        const group = world.collectives[Math.floor(next() * world.collectives.length)] as World['collectives'][number];
        collective = { id: group.id, type: 'Collective', name: group.name };
        entities.push({ id: group.id, type: 'Collective', name: group.name });
        for (const member of group.members) {
          if (!chosen.has(member.id)) {
            chosen.set(member.id, member);
            entities.push(mentionOf(member, next));
          }
          const mention = entities.find((entity) => entity.id === member.id || entity.id === `${member.id}-alt`);
          structural.push({ type: 'MEMBER_OF', source: mention?.id, target: group.id });
        }
      }
    }

    const typed: Typed[] = entities.map((entity) => ({
      id: String(entity.id),
      type: entity.type as EntityType,
      name: String(entity.name),
    }));
    // The publisher and the author hold claims, they are not their subjects or objects.
    const endpoints = typed.filter((entity) => entity.id !== publisher.id && entity.id !== author.id);
    const holders = endpoints.filter((entity) => allows(HOLDER_TYPES, entity.type));
    const relations: Json[] = [];
    const sentences: string[] = [];
    const speakers = endpoints.filter((entity) => entity.type !== 'Meeting');
    // Squaring skews both ends towards the article's most popular actors (chosen first), so
    // the same pairs recur across articles, as popular dyads do in the news.
    const skewed = <T>(list: readonly T[]) => list[Math.floor(next() ** 2 * list.length)];
    for (let claim = 0; relations.length < claimsPerArticle && claim < claimsPerArticle * 4; claim += 1) {
      const type = claimTypes[Math.floor(next() * claimTypes.length)] as RelationType;
      const rule = RELATION_RULES[type];
      const byCollective =
        collective !== null && next() < CORPUS_SHARES.byCollective && allows(rule.sources, 'Collective');
      const source = byCollective ? collective : skewed(speakers);
      const aboutEvent = eventId !== null && next() < CORPUS_SHARES.aboutEvent && allows(rule.targets, 'Event');
      const target = aboutEvent
        ? typed.find((entity) => entity.id === eventId)
        : skewed(endpoints.filter((entity) => entity.id !== source?.id && allows(rule.targets, entity.type)));
      if (!source || !target || !allows(rule.sources, source.type)) continue;
      const v2 = v1 ? null : claimShape(next, { source, target, holders, authorId: String(author.id), collective });
      const quote = sentence(type, source.name, target.name, claim, v2?.shape ?? 'plain');
      sentences.push(quote);
      const attributedTo = v1 && next() < 0.4 && allows(HOLDER_TYPES.slice(0, 3), source.type) ? source.id : undefined;
      relations.push({
        type,
        source: source.id,
        target: target.id,
        quote,
        ...(v1
          ? {
              modality: V1_MODALITIES[Math.floor(next() * V1_MODALITIES.length)],
              ...(attributedTo && { attributedTo }),
            }
          : { ...v2?.fields, ...claimContext(next, date, relations.length) }),
        confidence: Math.round((0.5 + next() / 2) * 100) / 100,
        ...(DEMAND_RELATION_TYPES.includes(type) && { demand: `to stop ${target.name}` }),
        ...(next() < 0.3 && { date }),
      });
    }
    const attendees = typed.filter((entity) => entity.type === 'State' || entity.type === 'Group').slice(0, 3);
    for (const attendee of attendees) relations.push({ type: 'ATTENDED', source: attendee.id, target: meetingId });
    relations.push({ type: 'ISSUED', source: meetingId, target: statementId });
    for (const attendee of attendees) relations.push({ type: 'ISSUED', source: attendee.id, target: statementId });
    if (eventId) {
      for (const participant of attendees.slice(0, 2))
        relations.push({ type: 'PARTICIPATED_IN', source: participant.id, target: eventId });
    }
    relations.push(...structural);

    yield {
      file: `${articleId}.json`,
      json: {
        formatVersion: v1 ? 1 : 2,
        article: {
          id: articleId,
          title: `Synthetic article ${index}`,
          publishedAt: date,
          publisher: v1 ? 'Synthetic Wire' : publisher.name,
          language: 'en',
          text: sentences.join(' '),
          ...(!v1 && {
            authors: [author.id],
            publisherId: publisher.id,
            copyright: `Copyright © ${String(publisher.name)}, ${date.slice(0, 4)}`,
            ...(index % 2 === 0 && { sourceReliability: SOURCE_RELIABILITY_GRADES[index % 5] }),
          }),
        },
        entities,
        relations,
      },
    };
  }
}
