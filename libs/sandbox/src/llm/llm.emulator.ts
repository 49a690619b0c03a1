import { createHash, timingSafeEqual } from 'node:crypto';
import { BodyError, readJsonBody } from '../kernel/body';
import { startEmulator } from '../kernel/emulator-server';
import type { RequestContext, Route, RunningEmulator } from '../kernel/emulator.types';
import { sendJson, sendProblem, sendRawJson } from '../kernel/respond';

export interface LlmEmulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  host?: string;
  /** When set, completions need `Authorization: Bearer <apiKey>` (401 otherwise). Default: none needed. */
  apiKey?: string;
}

export interface LlmChatMessage {
  role: string;
  content: string;
}

const DEFAULT_MODEL = 'sandbox-summarizer';
/** A fixed `created`, so that equal requests get byte-identical answers. */
const CREATED = 1_700_000_000;
const WORDS_PER_MESSAGE = 3;
const HEALTH_OK = JSON.stringify({ status: 'ok' });

/** OpenAI-compatible LLM emulator (contracts/internal-services.md, "LLM (OpenAI-compatible) [3107]"). */
export function startLlmEmulator(options: LlmEmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ name: 'llm', port: options.port ?? 0, host: options.host, routes: llmRoutes(options.apiKey) });
}

export function llmRoutes(apiKey?: string): Route[] {
  return [
    { method: 'POST', path: '/v1/chat/completions', handler: (ctx) => complete(ctx, apiKey) },
    { method: 'GET', path: '/health', handler: (ctx) => sendRawJson(ctx.res, 200, HEALTH_OK) },
  ];
}

async function complete(ctx: RequestContext, apiKey: string | undefined): Promise<void> {
  if (apiKey !== undefined && !hasKey(ctx.req.headers.authorization, apiKey)) {
    return sendProblem(ctx.res, 401, 'Missing or wrong API key', { headers: { 'www-authenticate': 'Bearer' } });
  }
  let body: unknown;
  try {
    body = await readJsonBody(ctx.req);
  } catch (err) {
    return sendProblem(
      ctx.res,
      err instanceof BodyError ? err.status : 400,
      err instanceof Error ? err.message : 'Unreadable body',
    );
  }
  const request = parseRequest(body);
  if (typeof request === 'string') return sendProblem(ctx.res, 400, request);
  sendJson(ctx.res, 200, completion(request.model, request.messages, request.maxTokens));
}

/**
 * The deterministic answer: a summary line naming the first words of each non-system message, then
 * the sha256 of the messages, so a test can tell exactly what input produced it.
 */
export function completion(model: string, messages: readonly LlmChatMessage[], maxTokens?: number) {
  const digest = createHash('sha256')
    .update(JSON.stringify(messages.map(({ role, content }) => ({ role, content }))))
    .digest('hex');
  const spoken = messages.filter((m) => m.role !== 'system');
  const openings = spoken.map((m) => words(m.content).slice(0, WORDS_PER_MESSAGE).join(' ')).filter((s) => s !== '');
  let contentWords = words(`Summary of ${spoken.length} messages: ${openings.join('; ')}.`).concat([
    `[sha256:${digest}]`,
  ]);
  let finishReason = 'stop';
  if (maxTokens !== undefined && contentWords.length > maxTokens) {
    contentWords = contentWords.slice(0, maxTokens);
    finishReason = 'length';
  }
  const promptTokens = messages.reduce((sum, m) => sum + words(m.content).length, 0);
  return {
    id: `chatcmpl-${digest.slice(0, 24)}`,
    object: 'chat.completion',
    created: CREATED,
    model,
    choices: [
      { index: 0, message: { role: 'assistant', content: contentWords.join(' ') }, finish_reason: finishReason },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: contentWords.length,
      total_tokens: promptTokens + contentWords.length,
    },
  };
}

function parseRequest(body: unknown): { model: string; messages: LlmChatMessage[]; maxTokens?: number } | string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body must be a JSON object';
  const { model, messages, max_tokens: maxTokens } = body as Record<string, unknown>;
  if (model !== undefined && typeof model !== 'string') return 'model must be a string';
  if (!Array.isArray(messages) || messages.length === 0) return 'messages must be a non-empty array';
  for (const [i, m] of messages.entries()) {
    if (m === null || typeof m !== 'object' || typeof m.role !== 'string' || typeof m.content !== 'string')
      return `messages[${i}] must be {role, content} strings`;
  }
  if (maxTokens !== undefined && !(Number.isInteger(maxTokens) && (maxTokens as number) >= 1))
    return 'max_tokens must be an integer ≥ 1';
  return {
    model: (model as string | undefined) ?? DEFAULT_MODEL,
    messages: messages as LlmChatMessage[],
    maxTokens: maxTokens as number | undefined,
  };
}

function hasKey(header: string | undefined, apiKey: string): boolean {
  if (typeof header !== 'string' || header.slice(0, 7).toLowerCase() !== 'bearer ') return false;
  const given = Buffer.from(header.slice(7).trim());
  const expected = Buffer.from(apiKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}
