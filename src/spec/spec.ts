export type {
  EntitySpec,
  GenerationSettings,
  IntentSpec,
  ListValueSpec,
  Spec,
  VariationMix,
  WeightedText,
} from '../generated/spec.js';
