/** Radarr's `.Megabytes()` is binary: 1 MB = 1024² bytes. */
export const MEGABYTE = 1024 * 1024;

/** Radarr assumes 110 minutes when the movie's runtime is unknown (`AcceptableSizeSpecification`). */
export const DEFAULT_RUNTIME_MINUTES = 110;

/** `NotSampleSpecification`: a "sample" under this size is a sample, not a movie. */
export const SAMPLE_MAX_BYTES = 70 * MEGABYTE;

/** `IndexerDefinition.Priority` default; lower is preferred. */
export const DEFAULT_INDEXER_PRIORITY = 25;

/** The comparer rounds sizes to 200 MB so near-identical encodes tie and fall through to nothing further. */
export const SIZE_BUCKET_BYTES = 200 * MEGABYTE;
