/** The scheduled jobs, by the names `/api/system/status` shows and `POST /api/v1/jobs/{name}/run` takes. */
export const RSS_SYNC_JOB = 'rss-sync';
export const MISSING_SEARCH_JOB = 'missing-search';
export const JOB_NAMES = [RSS_SYNC_JOB, MISSING_SEARCH_JOB] as const;
export type JobName = (typeof JOB_NAMES)[number];
