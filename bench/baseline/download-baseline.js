'use strict';
// The bare baseline of POST /api/v1/downloads: node:http + undici + node:crypto, no framework.
// It does the download service's work for that route: parse and validate the JSON body, verify the
// HS256 bearer token (HMAC, timing-safe compare, exp), GET ownership from the library service with
// the caller's token over a keep-alive undici Pool, 403 if not owned, look the game's size up once
// (cached per game, as the service does), insert a row into the same `downloads` table (same
// migration SQL, same database kind), and answer 201 with the row and a signed download URL.
//
// Env: PORT (default 3201), HOST (127.0.0.1), LIBRARY_SERVICE_URL (http://127.0.0.1:3101),
//      JWT_SECRET (the dev secret), DATABASE_URL (postgres, `?schema=` honoured) or PGLITE_DATA_DIR
//      (PGlite in process; default ./data/download-baseline), DOWNLOAD_MIGRATIONS_DIR.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { createHmac, randomUUID, timingSafeEqual } = require('node:crypto');
const { Pool: HttpPool } = require('undici');

const ROOT = path.join(__dirname, '..', '..');
const PORT = Number(process.env.PORT || 3201);
const HOST = process.env.HOST || '127.0.0.1';
const LIBRARY = process.env.LIBRARY_SERVICE_URL || 'http://127.0.0.1:3101';
const JWT_SECRET = Buffer.from(process.env.JWT_SECRET || 'keel-dev-secret-do-not-use-in-production', 'utf8');
const URL_SECRET = Buffer.from(process.env.DOWNLOAD_URL_SECRET || 'keel-dev-download-url-secret');
const CONTENT_BASE = 'http://127.0.0.1:3001/content';
const URL_TTL_S = 3600;
const MIGRATIONS = process.env.DOWNLOAD_MIGRATIONS_DIR || path.join(ROOT, 'apps/download/migrations');
const BODY_LIMIT = 1024 * 1024;
const GAME_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

// ---- database ------------------------------------------------------------------------------------

function migrationStatements() {
  const files = fs
    .readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.flatMap((f) =>
    fs
      .readFileSync(path.join(MIGRATIONS, f), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

const INSERT =
  'insert into downloads (id, user_id, game_id, status, bytes_total, bytes_done, ' +
  'idempotency_key, created_at, updated_at)\n' +
  "  values ($1, $2, $3, 'queued', $4, 0, null, $5, $5) on conflict do nothing returning *";

async function openDatabase() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { Pool } = require('pg');
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema');
    parsed.searchParams.delete('schema');
    if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name ${schema}`);
    // Same pool size as the service (pg's default, 10).
    const pool = new Pool({
      connectionString: parsed.toString(),
      options: schema ? `-c search_path=${schema}` : undefined,
      application_name: 'download-baseline',
    });
    pool.on('error', () => undefined);
    const client = await pool.connect();
    try {
      if (schema) await client.query(`create schema if not exists "${schema}"`);
      const exists = await client.query(`select to_regclass('downloads') as t`);
      if (!exists.rows[0].t) for (const statement of migrationStatements()) await client.query(statement);
    } finally {
      client.release();
    }
    return {
      kind: 'postgres',
      insert: async (params) => (await pool.query(INSERT, params)).rows[0],
      close: () => pool.end(),
    };
  }
  const { PGlite } = require('@electric-sql/pglite');
  const dataDir = process.env.PGLITE_DATA_DIR || path.join('data', 'download-baseline');
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir);
  await db.waitReady;
  const exists = await db.query(`select to_regclass('downloads') as t`);
  if (!exists.rows[0].t) for (const statement of migrationStatements()) await db.exec(statement);
  return {
    kind: 'pglite',
    insert: async (params) => (await db.query(INSERT, params)).rows[0],
    close: () => db.close(),
  };
}

// ---- JWT (HS256, node:crypto) --------------------------------------------------------------------

/** The token's subject, or undefined when the token is malformed, forged or expired. */
function verifyJwt(token) {
  const dot1 = token.indexOf('.');
  const dot2 = token.indexOf('.', dot1 + 1);
  if (dot1 <= 0 || dot2 <= dot1 + 1 || token.indexOf('.', dot2 + 1) !== -1) return undefined;
  const given = Buffer.from(token.slice(dot2 + 1), 'base64url');
  const expected = createHmac('sha256', JWT_SECRET).update(token.slice(0, dot2)).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let header;
  let payload;
  try {
    header = JSON.parse(Buffer.from(token.slice(0, dot1), 'base64url').toString());
    payload = JSON.parse(Buffer.from(token.slice(dot1 + 1, dot2), 'base64url').toString());
  } catch {
    return undefined;
  }
  if (!header || header.alg !== 'HS256' || !payload || typeof payload !== 'object') return undefined;
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= Date.now()) return undefined;
  if (typeof payload.sub !== 'string' || payload.sub === '') return undefined;
  return payload.sub;
}

// ---- library service -----------------------------------------------------------------------------

const library = new HttpPool(new URL(LIBRARY).origin, {
  connections: 128,
  keepAliveTimeout: 10_000,
  keepAliveMaxTimeout: 60_000,
});
const sizes = new Map();

class HttpError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function libraryGet(pathname, authorization) {
  const res = await library.request({
    method: 'GET',
    path: pathname,
    headers: { authorization, accept: 'application/json' },
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  if (res.statusCode === 404) {
    await res.body.dump();
    return undefined;
  }
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new HttpError(502, `library answered ${res.statusCode}`);
  }
  return res.body.json();
}

async function sizeOf(userId, gameId, authorization) {
  const cached = sizes.get(gameId);
  if (cached && cached.until > Date.now()) return cached.bytes;
  const page = await libraryGet(`/api/v1/users/${encodeURIComponent(userId)}/games?limit=100`, authorization);
  for (const game of page?.games ?? [])
    sizes.set(game.gameId, {
      bytes: game.sizeBytes,
      until: Date.now() + 600_000,
    });
  return sizes.get(gameId)?.bytes;
}

function signUrl(downloadId, gameId, userId) {
  const expires = Math.floor(Date.now() / 1000) + URL_TTL_S;
  const signature = createHmac('sha256', URL_SECRET)
    .update(`${downloadId}\n${gameId}\n${userId}\n${expires}`)
    .digest('hex');
  return (
    `${CONTENT_BASE}/${encodeURIComponent(gameId)}?download=${downloadId}` +
    `&user=${encodeURIComponent(userId)}&expires=${expires}&signature=${signature}`
  );
}

// ---- HTTP ----------------------------------------------------------------------------------------

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new HttpError(413, 'body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function startDownload(req, res, db) {
  const authorization = req.headers.authorization;
  const token = authorization && authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  const userId = token ? verifyJwt(token) : undefined;
  if (!userId) {
    req.resume();
    return send(res, 401, {
      status: 401,
      title: 'Unauthorized',
      detail: 'invalid token',
    });
  }
  let body;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    return send(res, 400, {
      status: 400,
      title: 'Bad Request',
      errors: ['body must be JSON'],
    });
  }
  const gameId = body && body.gameId;
  if (typeof gameId !== 'string' || !GAME_ID.test(gameId))
    return send(res, 400, {
      status: 400,
      title: 'Bad Request',
      errors: ['gameId must be 1–64 letters, digits, dots, dashes or underscores'],
    });

  const [ownership, bytesTotal] = await Promise.all([
    libraryGet(
      `/api/v1/users/${encodeURIComponent(userId)}/games/${encodeURIComponent(gameId)}/ownership`,
      authorization,
    ),
    sizeOf(userId, gameId, authorization),
  ]);
  if (!ownership)
    return send(res, 404, {
      status: 404,
      title: 'Not Found',
      detail: `game ${gameId} is not in the library`,
    });
  if (!ownership.owned)
    return send(res, 403, {
      status: 403,
      title: 'Forbidden',
      detail: `game ${gameId} is not owned`,
    });

  const row = await db.insert([randomUUID(), userId, gameId, bytesTotal ?? 0, new Date()]);
  send(res, 201, {
    id: row.id,
    userId: row.user_id,
    gameId: row.game_id,
    status: row.status,
    bytesTotal: Number(row.bytes_total),
    bytesDone: Number(row.bytes_done),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    downloadUrl: signUrl(row.id, row.game_id, row.user_id),
  });
}

async function main() {
  const db = await openDatabase();
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/api/v1/downloads') {
      startDownload(req, res, db).catch((error) => {
        const status = error instanceof HttpError ? error.status : 500;
        if (!res.headersSent)
          send(res, status, {
            status,
            title: http.STATUS_CODES[status],
            detail: status === 500 ? 'internal error' : error.message,
          });
        if (status === 500) process.stderr.write(`baseline: ${error && error.stack ? error.stack : error}\n`);
      });
    } else if (req.method === 'GET' && req.url === '/api/health/live') {
      send(res, 200, { status: 'ok' });
    } else {
      req.resume();
      send(res, 404, { status: 404, title: 'Not Found' });
    }
  });
  server.keepAliveTimeout = 72_000;
  server.listen(PORT, HOST, () =>
    process.stdout.write(
      JSON.stringify({
        msg: 'baseline listening',
        port: server.address().port,
        db: db.kind,
      }) + '\n',
    ),
  );

  const stop = () => {
    server.close();
    server.closeAllConnections?.();
    Promise.allSettled([library.close(), db.close()]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`baseline failed to start: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
