import type { Route } from '../kernel/emulator.types';
import { sendJson, sendRawJson } from '../kernel/respond';
import { requireApiKey } from './prowlarr.auth';
import { PROWLARR_VERSION } from './prowlarr.constants';
import type { ProwlarrContext } from './prowlarr.context';

const PING_OK = JSON.stringify({ status: 'OK' });

export function systemRoutes(ctx: ProwlarrContext, startTime: string): Route[] {
  const { catalogue, state } = ctx;
  return [
    // Anonymous, like Prowlarr's own liveness probe.
    { method: 'GET', path: '/ping', handler: (r) => sendRawJson(r.res, 200, PING_OK) },
    // Prowlarr answers any non-API path with its UI (200); the sandbox's uniform liveness probe relies on that.
    { method: 'GET', path: '/health', handler: (r) => sendRawJson(r.res, 200, PING_OK) },
    {
      method: 'GET',
      path: '/api/v1/system/status',
      handler: requireApiKey(ctx.apiKey, (r) => sendJson(r.res, 200, systemStatus(startTime))),
    },
    {
      method: 'GET',
      path: '/api/v1/health',
      handler: requireApiKey(ctx.apiKey, (r) => {
        const failing = [...catalogue.indexers.values()].filter((indexer) => state.behaviour(indexer.id).failing);
        const checks =
          failing.length === 0
            ? []
            : [
                {
                  source: 'IndexerStatusCheck',
                  type: 'warning',
                  message: `Indexers unavailable due to failures: ${failing.map((i) => i.name).join(', ')}`,
                  wikiUrl: 'https://wiki.servarr.com/prowlarr/system#indexers-are-unavailable-due-to-failures',
                },
              ];
        sendJson(r.res, 200, checks);
      }),
    },
  ];
}

function systemStatus(startTime: string): Record<string, unknown> {
  return {
    appName: 'Prowlarr',
    instanceName: 'Prowlarr',
    version: PROWLARR_VERSION,
    buildTime: '2025-06-08T09:12:44Z',
    isDebug: false,
    isProduction: true,
    isAdmin: false,
    isUserInteractive: false,
    startupPath: '/app/prowlarr/bin',
    appData: '/config',
    osName: 'alpine',
    osVersion: '3.21.3',
    isNetCore: true,
    isLinux: true,
    isOsx: false,
    isWindows: false,
    isDocker: true,
    mode: 'console',
    branch: 'master',
    databaseType: 'sqLite',
    databaseVersion: '3.48.0',
    authentication: 'forms',
    migrationVersion: 42,
    urlBase: '',
    runtimeVersion: '8.0.12',
    runtimeName: '.NET',
    startTime,
    packageVersion: PROWLARR_VERSION,
    packageAuthor: '[hotio](https://hotio.dev)',
    packageUpdateMechanism: 'docker',
  };
}
