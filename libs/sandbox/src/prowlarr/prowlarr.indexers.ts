import type { RequestContext, Route } from '../kernel/emulator.types';
import { BodyError, readJsonBody } from '../kernel/body';
import { sendJson } from '../kernel/respond';
import { requireApiKey } from './prowlarr.auth';
import type { ProwlarrContext } from './prowlarr.context';
import { indexerResource, indexerStatistics, indexerStatus } from './prowlarr.indexer-resource';

const INDEXER_BODY_LIMIT = 256 * 1024;

export function indexerRoutes(ctx: ProwlarrContext): Route[] {
  const guard = (handler: (request: RequestContext) => void | Promise<void>) => requireApiKey(ctx.apiKey, handler);
  const { catalogue, state } = ctx;
  const resource = (id: number) => {
    const indexer = catalogue.indexers.get(id);
    return indexer === undefined
      ? undefined
      : state.withoutOmitted('indexer', indexerResource(indexer, state.countersOf(id), state.behaviour(id).failing));
  };
  return [
    {
      method: 'GET',
      path: '/api/v1/indexer',
      handler: guard((r) => sendJson(r.res, 200, [...catalogue.indexers.keys()].map(resource))),
    },
    {
      method: 'GET',
      path: '/api/v1/indexer/:id',
      handler: guard((r) => {
        const body = resource(Number(r.params.id));
        if (body === undefined) return sendJson(r.res, 404, { message: 'NotFound' });
        sendJson(r.res, 200, body);
      }),
    },
    { method: 'POST', path: '/api/v1/indexer/test', handler: guard((r) => testIndexer(r, ctx)) },
    {
      method: 'GET',
      path: '/api/v1/indexerstats',
      handler: guard((r) => {
        const indexers = [...catalogue.indexers.values()].map((indexer) =>
          indexerStatistics(indexer, state.countersOf(indexer.id)),
        );
        sendJson(r.res, 200, { indexers, userAgents: [], hosts: [] });
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/indexerstatus',
      handler: guard((r) => {
        const failing = [...catalogue.indexers.keys()].filter((id) => state.behaviour(id).failing);
        sendJson(
          r.res,
          200,
          failing.map((id) => indexerStatus(id, state.countersOf(id))),
        );
      }),
    },
  ];
}

/** `ProviderControllerBase.Test`: 200 when the indexer answers, else 400 with a bare array of failures. */
async function testIndexer(request: RequestContext, { catalogue, state }: ProwlarrContext): Promise<void> {
  let body: unknown;
  try {
    body = await readJsonBody(request.req, INDEXER_BODY_LIMIT);
  } catch (err) {
    const status = err instanceof BodyError ? err.status : 400;
    return sendJson(request.res, status, { message: err instanceof Error ? err.message : 'Unreadable body' });
  }
  const indexer = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const failures = [...requiredFailures(indexer, ['name', 'implementation'])];
  const id = typeof indexer.id === 'number' ? indexer.id : undefined;
  if (failures.length === 0 && id !== undefined && catalogue.indexers.has(id) && state.behaviour(id).failing) {
    failures.push(
      failure(
        '',
        'Unable to connect to indexer, check the log above the ValidationFailure for more details',
        null,
        null,
      ),
    );
  }
  if (failures.length > 0) return sendJson(request.res, 400, failures);
  sendJson(request.res, 200, {});
}

function* requiredFailures(indexer: Record<string, unknown>, fields: string[]) {
  for (const field of fields) {
    const value = indexer[field];
    if (typeof value !== 'string' || value.trim() === '') {
      const property = field[0].toUpperCase() + field.slice(1);
      yield failure(property, `'${property}' must not be empty.`, value ?? null, 'NotEmptyValidator');
    }
  }
}

/** FluentValidation's `ValidationFailure` as Prowlarr serialises it. */
function failure(propertyName: string, errorMessage: string, attemptedValue: unknown, errorCode: string | null) {
  return {
    propertyName,
    errorMessage,
    attemptedValue,
    severity: 'error',
    ...(errorCode !== null && { errorCode }),
    isWarning: false,
    infoLink: 'https://wiki.servarr.com/prowlarr/troubleshooting',
    detailedDescription: errorMessage,
  };
}
