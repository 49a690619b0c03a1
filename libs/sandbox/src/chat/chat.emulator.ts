import { startEmulator } from '../kernel/emulator-server';
import type { EmulatorStats, RequestContext, Route, RunningEmulator } from '../kernel/emulator.types';
import { sendProblem, sendRawJson } from '../kernel/respond';
import { DEV_JWT_SECRET, verifyHs256 } from './chat.jwt';
import { CHAT_SEED, type ChatSeed } from './chat.seed';
import { offsetCursor, parseLimit } from '../kernel/pagination';
import { readEmulatorEnv } from '../sandbox.config';

export interface ChatEmulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  host?: string;
  /** HS256 secret the forwarded JWT must be signed with. Default `JWT_SECRET`, then the dev secret. */
  jwtSecret?: string;
  /** Replaces the contract's seed. */
  seed?: ChatSeed;
}

/** Who the verified requests came as: proves a client forwarded its caller's own token. */
export interface ChatSubjectStats {
  /** `sub` of the last request whose token verified; null before any. */
  lastSubject: string | null;
  bySubject: Record<string, number>;
}

export interface RunningChatEmulator extends RunningEmulator {
  /** The kernel's stats plus {@link ChatSubjectStats}; `resetStats()` clears both. */
  stats(): EmulatorStats & ChatSubjectStats;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
const CURSOR = offsetCursor('m');
const HEALTH_OK = JSON.stringify({ status: 'ok' });

class SubjectRecorder {
  private last: string | null = null;
  private counts = new Map<string, number>();

  record(subject: string): void {
    this.last = subject;
    this.counts.set(subject, (this.counts.get(subject) ?? 0) + 1);
  }

  snapshot(): ChatSubjectStats {
    return { lastSubject: this.last, bySubject: Object.fromEntries(this.counts) };
  }

  reset(): void {
    this.last = null;
    this.counts = new Map();
  }
}

/** chat-svc emulator (contracts/internal-services.md, "Chat service (chat-svc) [3102]"). */
export async function startChatEmulator(options: ChatEmulatorOptions = {}): Promise<RunningChatEmulator> {
  const subjects = new SubjectRecorder();
  const secret = options.jwtSecret ?? readEmulatorEnv().jwtSecret ?? DEV_JWT_SECRET;
  const base = await startEmulator({
    name: 'chat',
    port: options.port ?? 0,
    host: options.host,
    routes: chatRoutes(secret, subjects, options.seed),
  });
  return {
    ...base,
    stats: () => ({ ...base.stats(), ...subjects.snapshot() }),
    resetStats: () => {
      base.resetStats();
      subjects.reset();
    },
  };
}

function chatRoutes(secret: string, subjects: SubjectRecorder, seed: ChatSeed = CHAT_SEED): Route[] {
  const conversations = new Map(
    Object.entries(seed).map(([id, c]) => [
      id,
      { participants: new Set(c.participants), newestFirst: [...c.messages].reverse().map((m) => JSON.stringify(m)) },
    ]),
  );
  return [
    {
      method: 'GET',
      path: '/api/v1/chat/conversations/:conversationId/messages',
      handler: (ctx) => listMessages(ctx, secret, subjects, conversations),
    },
    { method: 'GET', path: '/health', handler: (ctx) => sendRawJson(ctx.res, 200, HEALTH_OK) },
  ];
}

type ConversationIndex = ReadonlyMap<string, { participants: ReadonlySet<string>; newestFirst: readonly string[] }>;

function listMessages(
  ctx: RequestContext,
  secret: string,
  subjects: SubjectRecorder,
  conversations: ConversationIndex,
): void {
  const subject = authenticate(ctx, secret);
  if (subject === null) return;
  subjects.record(subject);

  const limit = parseLimit(ctx.query.get('limit'), { fallback: DEFAULT_LIMIT, max: MAX_LIMIT });
  if (limit === null) return sendProblem(ctx.res, 400, `limit must be an integer from 1 to ${MAX_LIMIT}`);
  const cursor = ctx.query.get('cursor');
  const offset = cursor === null || cursor === '' ? 0 : CURSOR.decode(cursor);
  if (offset === null) return sendProblem(ctx.res, 400, 'cursor is not a cursor this service issued');
  const conversation = conversations.get(ctx.params.conversationId);
  if (conversation === undefined)
    return sendProblem(ctx.res, 404, `Conversation '${ctx.params.conversationId}' not found`);
  if (!conversation.participants.has(subject))
    return sendProblem(
      ctx.res,
      403,
      `User '${subject}' is not a participant of conversation '${ctx.params.conversationId}'`,
    );
  const total = conversation.newestFirst.length;
  if (offset > total) return sendProblem(ctx.res, 400, 'cursor is past the end of the conversation');

  const end = offset + limit;
  const hasMore = end < total;
  const page = conversation.newestFirst.slice(offset, end).join(',');
  const next = hasMore ? JSON.stringify(CURSOR.encode(end)) : 'null';
  sendRawJson(
    ctx.res,
    200,
    `{"messages":[${page}],"total_count":${total},"has_more":${hasMore},"next_cursor":${next}}`,
  );
}

/** The verified `sub`, or null once a 401 has been sent. */
function authenticate(ctx: RequestContext, secret: string): string | null {
  const header = ctx.req.headers.authorization;
  const token =
    typeof header === 'string' && header.slice(0, 7).toLowerCase() === 'bearer ' ? header.slice(7).trim() : '';
  const verdict =
    token === ''
      ? { ok: false as const, reason: 'Missing Authorization: Bearer <token> header' }
      : verifyHs256(token, secret);
  if (verdict.ok) return verdict.subject;
  sendProblem(ctx.res, 401, verdict.reason, { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
  return null;
}
