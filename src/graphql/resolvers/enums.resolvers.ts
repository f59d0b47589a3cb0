import { ENUM_VALUES } from '../enums.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

/** SDL enum value → the vocabulary's spelling, which is what resolvers and the graph use. */
export const enumResolvers = {
  EntityType: ENUM_VALUES.EntityType,
  RelationType: ENUM_VALUES.RelationType,
  Modality: ENUM_VALUES.Modality,
  Stance: ENUM_VALUES.Stance,
  Polarity: ENUM_VALUES.Polarity,
  Section: ENUM_VALUES.Section,
  SourceReliability: ENUM_VALUES.SourceReliability,
} satisfies Resolvers;
