import { requireBearer } from '../kernel/auth';
import { startEmulator } from '../kernel/emulator-server';
import type { RequestContext, Route, RunningEmulator } from '../kernel/emulator.types';
import { sendJson, sendProblem, sendRawJson } from '../kernel/respond';
import { recommend, searchResources } from './knowledge.ranking';
import { KNOWLEDGE_SEED, type KnowledgeSeed } from './knowledge.seed';
import { parseLimit } from '../kernel/pagination';

export interface KnowledgeEmulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  host?: string;
  /** Replaces the seed. */
  seed?: KnowledgeSeed;
}

const SEARCH_LIMIT = { fallback: 10, max: 50 };
const RECOMMEND_LIMIT = { fallback: 5, max: 50 };
const HEALTH_OK = JSON.stringify({ status: 'ok' });

interface ResourceAnswers {
  readonly resource: string;
  readonly citations: string;
}

/** Knowledge service emulator (contracts/internal-services.md, "Knowledge service [3104]"). */
export function startKnowledgeEmulator(options: KnowledgeEmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    name: 'knowledge',
    port: options.port ?? 0,
    host: options.host,
    routes: knowledgeRoutes(options.seed),
  });
}

export function knowledgeRoutes(seed: KnowledgeSeed = KNOWLEDGE_SEED): Route[] {
  const resources = indexSeed(seed);
  return [
    {
      method: 'GET',
      path: '/api/v1/resources/:id',
      handler: requireBearer((ctx) => answer(ctx, resources, 'resource')),
    },
    {
      method: 'GET',
      path: '/api/v1/resources/:id/citations',
      handler: requireBearer((ctx) => answer(ctx, resources, 'citations')),
    },
    { method: 'GET', path: '/api/v1/search', handler: requireBearer((ctx) => search(ctx, seed)) },
    { method: 'GET', path: '/api/v1/recommendations', handler: requireBearer((ctx) => recommendations(ctx, seed)) },
    { method: 'GET', path: '/health', handler: (ctx) => sendRawJson(ctx.res, 200, HEALTH_OK) },
  ];
}

function answer(
  ctx: RequestContext,
  resources: ReadonlyMap<string, ResourceAnswers>,
  which: keyof ResourceAnswers,
): void {
  const found = resources.get(ctx.params.id);
  if (found === undefined) return sendProblem(ctx.res, 404, `Resource '${ctx.params.id}' not found`);
  sendRawJson(ctx.res, 200, found[which]);
}

function search(ctx: RequestContext, seed: KnowledgeSeed): void {
  const q = ctx.query.get('q') ?? '';
  if (q.trim() === '') return sendProblem(ctx.res, 400, 'q must not be empty');
  const limit = parseLimit(ctx.query.get('limit'), SEARCH_LIMIT);
  if (limit === null) return sendProblem(ctx.res, 400, `limit must be an integer from 1 to ${SEARCH_LIMIT.max}`);
  sendJson(ctx.res, 200, { results: searchResources(seed.resources, q).slice(0, limit) });
}

function recommendations(ctx: RequestContext, seed: KnowledgeSeed): void {
  const limit = parseLimit(ctx.query.get('limit'), RECOMMEND_LIMIT);
  if (limit === null) return sendProblem(ctx.res, 400, `limit must be an integer from 1 to ${RECOMMEND_LIMIT.max}`);
  sendJson(ctx.res, 200, { results: recommend(seed, ctx.query.get('projectId') ?? '').slice(0, limit) });
}

/** Serialises every per-resource answer once, and checks that citations point at known resources. */
function indexSeed(seed: KnowledgeSeed): Map<string, ResourceAnswers> {
  const titles = new Map(seed.resources.map((resource) => [resource.id, resource.title]));
  const answers = new Map<string, ResourceAnswers>();
  for (const { id, title, url, kind, tags, cites } of seed.resources) {
    if (answers.has(id)) throw new Error(`Knowledge seed: duplicate resource '${id}'`);
    const citations = cites.map((cited) => {
      const citedTitle = titles.get(cited);
      if (citedTitle === undefined) throw new Error(`Knowledge seed: '${id}' cites unknown resource '${cited}'`);
      return { id: cited, title: citedTitle };
    });
    answers.set(id, {
      resource: JSON.stringify({ id, title, url, kind, tags }),
      citations: JSON.stringify({ citations }),
    });
  }
  return answers;
}
