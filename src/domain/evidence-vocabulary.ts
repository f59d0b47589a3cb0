/**
 * The evidence vocabulary of format v2 (docs/evidence-model.md), defined once: who holds a
 * claim and how (stances), whether it is negated (polarity), where in the article it is read
 * (sections), and the Admiralty code's source reliability and information credibility.
 */
import { MODALITIES, type Modality } from './vocabulary.ts';

export const POLARITIES = ['positive', 'negative'] as const;
export type Polarity = (typeof POLARITIES)[number];
export const DEFAULT_POLARITY: Polarity = 'positive';

/**
 * How a holder holds a claim, and what that stance means for the claim: whether it affirms
 * it (an affirmed claim is evidence of the relation; a denied, hoped or feared one is not),
 * and the v1 modality it reads as (`Evidence.modality`, kept for the queries written for v1).
 */
export const STANCE_RULES = {
  asserts: { affirms: true, modality: 'asserted', description: 'states it as fact' },
  reports: { affirms: true, modality: 'asserted', description: 'relays it as reported fact' },
  believes: { affirms: true, modality: 'asserted', description: 'holds it true' },
  alleges: { affirms: true, modality: 'alleged', description: 'accuses, without proof given' },
  suspects: { affirms: true, modality: 'alleged', description: 'thinks it likely, without proof' },
  implies: { affirms: true, modality: 'implied', description: 'conveys it without saying it' },
  infers: { affirms: true, modality: 'implied', description: 'concludes it from what others say or do' },
  expects: { affirms: true, modality: 'speculated', description: 'thinks it will happen' },
  speculates: { affirms: true, modality: 'speculated', description: 'puts it forward as a possibility' },
  hopes: { affirms: false, modality: 'speculated', description: 'wishes it were or will be so' },
  fears: { affirms: false, modality: 'speculated', description: 'worries it is or will be so' },
  denies: { affirms: false, modality: 'denied', description: 'says it is not so' },
} as const satisfies Record<string, { affirms: boolean; modality: Modality; description: string }>;
export type Stance = keyof typeof STANCE_RULES;
export const STANCES = Object.keys(STANCE_RULES) as [Stance, ...Stance[]];
export const DEFAULT_STANCE: Stance = 'asserts';

export const affirms = (stance: Stance): boolean => STANCE_RULES[stance].affirms;

/** Where in the article a claim is read; a headline's voice is the publisher's, a body's the author's. */
export const SECTIONS = ['headline', 'standfirst', 'body', 'quoted-speech', 'caption'] as const;
export type Section = (typeof SECTIONS)[number];
export const DEFAULT_SECTION: Section = 'body';

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
export const SOURCE_RELIABILITY_GRADES = Object.keys(SOURCE_RELIABILITY) as [SourceReliability, ...SourceReliability[]];

/** Admiralty code: how credible the information is, 1 best, 6 cannot be judged. */
export const INFORMATION_CREDIBILITY = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
} as const;
export type InformationCredibility = 1 | 2 | 3 | 4 | 5 | 6;

/** Reliability grades at least as good as `grade` (A..grade), for `minReliability` filters. */
export function gradesAtLeast(grade: SourceReliability): SourceReliability[] {
  return SOURCE_RELIABILITY_GRADES.slice(0, SOURCE_RELIABILITY_GRADES.indexOf(grade) + 1);
}

/** One voice of a claim: who holds it, how, and (optionally) which other attribution reports it. */
export interface Attribution {
  /** Entity id of the holder; null for the article's own voice. */
  holder: string | null;
  stance: Stance;
  /** Index, in the claim's attributions, of the attribution that reports this one (always a lower index). */
  reportedBy: number | null;
}

/** What a v1 modality says, as a stance. */
export const STANCE_OF_V1_MODALITY: Record<Modality, Stance> = {
  asserted: 'asserts',
  alleged: 'alleges',
  implied: 'implies',
  denied: 'denies',
  speculated: 'speculates',
};

/**
 * A v1 relation's voice as one v2 attribution: its `attributedTo` (absent: the article's own
 * voice, as v1 defines it) holds it with the stance its modality names. A v1 `denied` is the
 * holder's denial of the claim, so polarity stays positive.
 */
export function attributionFromV1(relation: { modality: Modality; attributedTo?: string | undefined }): Attribution {
  return {
    holder: relation.attributedTo ?? null,
    stance: STANCE_OF_V1_MODALITY[relation.modality],
    reportedBy: null,
  };
}

/** The v1 modality a claim reads as: that of its first attribution's stance. */
export const modalityOf = (attributions: readonly Attribution[]): Modality =>
  STANCE_RULES[attributions[0]?.stance ?? DEFAULT_STANCE].modality;

/** The v1 modalities all of a claim's stances read as, distinct, in the vocabulary's order. */
export const modalitiesOf = (attributions: readonly Pick<Attribution, 'stance'>[]): Modality[] => {
  const read = new Set(attributions.map((attribution) => STANCE_RULES[attribution.stance].modality));
  return MODALITIES.filter((modality) => read.has(modality));
};

/**
 * Whether a claim is evidence of its relation: positive, unconditional, not hypothetical,
 * and held by at least one holder whose stance affirms it. Only such claims feed the
 * aggregated relationship between two entities, so a query that reads relationships and
 * ignores polarity and stance cannot read a negated, conditional or denied claim as a fact.
 */
export function isAffirmative(claim: {
  polarity: Polarity;
  condition: string | null;
  hypothetical: boolean;
  attributions: readonly Pick<Attribution, 'stance'>[];
}): boolean {
  return (
    claim.polarity === 'positive' &&
    claim.condition === null &&
    !claim.hypothetical &&
    claim.attributions.some((attribution) => affirms(attribution.stance))
  );
}
