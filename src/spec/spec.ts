export type {
  EntitySpec,
  GenerationSettings,
  IntentSpec,
  ListValueSpec,
  ProviderSpec,
  Spec,
  VariationMix,
  WeightedText,
} from '../generated/spec.js';
