import type { RequestContext, Route } from '../kernel/emulator.types';
import { BodyError, readJsonBody } from '../kernel/body';
import { sendJson, sendNoContent, sendProblem } from '../kernel/respond';
import type { ProwlarrContext } from './prowlarr.context';
import type { IndexerBehaviour, OmittedFields } from './prowlarr.state';

/**
 * Prowlarr-specific test controls under `/_sandbox/prowlarr/`: like the kernel's own controls, they
 * are never counted in `/_sandbox/stats` and never faulted.
 */
export const PROWLARR_CONTROL_PREFIX = '/_sandbox/prowlarr';

export function controlRoutes({ catalogue, state }: ProwlarrContext): Route[] {
  return [
    {
      method: 'PUT',
      path: `${PROWLARR_CONTROL_PREFIX}/indexers/:id`,
      handler: (r) => putBehaviour(r, catalogue.indexers.has(Number(r.params.id)), state.setBehaviour.bind(state)),
    },
    {
      method: 'DELETE',
      path: `${PROWLARR_CONTROL_PREFIX}/indexers`,
      handler: (r) => {
        state.resetBehaviours();
        sendNoContent(r.res);
      },
    },
    {
      method: 'PUT',
      path: `${PROWLARR_CONTROL_PREFIX}/omit-fields`,
      handler: (r) => putOmitted(r, state.setOmittedFields.bind(state)),
    },
    {
      method: 'DELETE',
      path: `${PROWLARR_CONTROL_PREFIX}/omit-fields`,
      handler: (r) => {
        state.setOmittedFields({ indexer: [], release: [] });
        sendNoContent(r.res);
      },
    },
    {
      method: 'GET',
      path: `${PROWLARR_CONTROL_PREFIX}/search-log`,
      handler: (r) => sendJson(r.res, 200, { entries: state.searchLog() }),
    },
    {
      method: 'DELETE',
      path: `${PROWLARR_CONTROL_PREFIX}/search-log`,
      handler: (r) => {
        state.resetSearchLog();
        sendNoContent(r.res);
      },
    },
  ];
}

async function putBehaviour(
  request: RequestContext,
  known: boolean,
  set: (id: number, change: Partial<IndexerBehaviour>) => IndexerBehaviour,
): Promise<void> {
  if (!known) return sendProblem(request.res, 404, `No indexer ${request.params.id}`);
  let body: unknown;
  try {
    body = await readJsonBody(request.req, 4096);
  } catch (err) {
    return sendProblem(
      request.res,
      err instanceof BodyError ? err.status : 400,
      err instanceof Error ? err.message : 'Unreadable body',
    );
  }
  const change = parseBehaviour(body);
  if (typeof change === 'string') return sendProblem(request.res, 400, change);
  sendJson(request.res, 200, set(Number(request.params.id), change));
}

function parseBehaviour(body: unknown): Partial<IndexerBehaviour> | string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'Body must be an object';
  const { latencyMs, failing } = body as Record<string, unknown>;
  const change: Partial<IndexerBehaviour> = {};
  if (latencyMs !== undefined) {
    if (typeof latencyMs !== 'number' || !Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 600_000)
      return 'latencyMs must be an integer from 0 to 600000';
    change.latencyMs = latencyMs;
  }
  if (failing !== undefined) {
    if (typeof failing !== 'boolean') return 'failing must be a boolean';
    change.failing = failing;
  }
  return change;
}

async function putOmitted(
  request: RequestContext,
  set: (change: Partial<OmittedFields>) => OmittedFields,
): Promise<void> {
  let body: unknown;
  try {
    body = await readJsonBody(request.req, 4096);
  } catch (err) {
    return sendProblem(
      request.res,
      err instanceof BodyError ? err.status : 400,
      err instanceof Error ? err.message : 'Unreadable body',
    );
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return sendProblem(request.res, 400, 'Body must be an object');
  const change: Partial<OmittedFields> = {};
  for (const kind of ['indexer', 'release'] as const) {
    const fields = (body as Record<string, unknown>)[kind];
    if (fields === undefined) continue;
    if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string'))
      return sendProblem(request.res, 400, `${kind} must be an array of field names`);
    change[kind] = fields as string[];
  }
  sendJson(request.res, 200, set(change));
}
