/**
 * The evidence vocabulary of format v2 (docs/evidence-model-v2.md), defined once: who holds a
 * claim and how (stances), whether it is negated (polarity), where in the article it is read
 * (sections), and the Admiralty code's source reliability and information credibility.
 */
import type { Modality } from './vocabulary.ts';

export const POLARITIES = ['positive', 'negative'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** How a holder holds a claim. `denies` is the only stance that does not affirm it. */
export const STANCES = [
  'asserts',
  'reports',
  'alleges',
  'suspects',
  'implies',
  'infers',
  'believes',
  'denies',
  'hopes',
  'fears',
  'expects',
  'speculates',
] as const;
export type Stance = (typeof STANCES)[number];

export const affirms = (stance: Stance): boolean => stance !== 'denies';

export const SECTIONS = ['headline', 'standfirst', 'body', 'quoted-speech', 'caption'] as const;
export type Section = (typeof SECTIONS)[number];

/** Admiralty code (NATO STANAG 2511): how reliable the source is, A best, F cannot be judged. */
export const SOURCE_RELIABILITY = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
} as const;
export type SourceReliability = keyof typeof SOURCE_RELIABILITY;

/** Admiralty code: how credible the information is, 1 best, 6 cannot be judged. */
export const INFORMATION_CREDIBILITY = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
} as const;
export type InformationCredibility = keyof typeof INFORMATION_CREDIBILITY;

/** One voice of a claim: who holds it, how, and (optionally) which other attribution reports it. */
export interface Attribution {
  holder: string;
  stance: Stance;
  /** Index, in the claim's attributions, of the attribution that reports this one. */
  reportedBy?: number;
}

/** What a v1 modality says, in v2 terms. */
const STANCE_OF_V1_MODALITY: Record<Modality, Stance> = {
  asserted: 'asserts',
  alleged: 'alleges',
  implied: 'implies',
  denied: 'denies',
  speculated: 'speculates',
};

/**
 * A v1 relation's voice as v2 attributions: its `attributedTo`, else the article's first
 * author, else its publisher (an entity id), holds it with the stance its modality names. A v1
 * `denied` is a holder's denial of an affirmative claim, so polarity stays positive.
 */
export function attributionsFromV1(
  relation: { modality: Modality; attributedTo?: string | undefined },
  article: { authors?: readonly string[] | undefined; publisherId?: string | undefined },
): { polarity: Polarity; attributions: Attribution[] } {
  const holder = relation.attributedTo ?? article.authors?.[0] ?? article.publisherId;
  const attributions = holder === undefined ? [] : [{ holder, stance: STANCE_OF_V1_MODALITY[relation.modality] }];
  return { polarity: 'positive', attributions };
}
