/** The connector's namespace in the canonical model's metadata (see schemas/dataset.schema.json). */
export const CX_METADATA_KEY = 'dialogflowCx';

export function cxMeta<T>(owner: {metadata?: Record<string, unknown>}): T | undefined {
  return owner.metadata?.[CX_METADATA_KEY] as T | undefined;
}
