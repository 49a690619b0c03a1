import { http } from '../testing/http-client';
import { signDevJwt } from './chat.jwt';
import { startChatEmulator, type RunningChatEmulator } from './chat.emulator';
import { CHAT_SEED } from './chat.seed';

describe(startChatEmulator.name, () => {
  let chat: RunningChatEmulator;
  const as = (sub: string) => ({ authorization: `Bearer ${signDevJwt({ sub })}` });
  const get = (path: string, headers: Record<string, string> = as('u1')) => http(`${chat.url}${path}`, { headers });
  const C1 = '/api/v1/chat/conversations/c1/messages';

  beforeAll(async () => {
    chat = await startChatEmulator({ port: 0 });
  });

  afterAll(async () => {
    await chat.close();
  });

  beforeEach(() => {
    chat.setFaults(null);
    chat.resetStats();
  });

  it('holds the contract seed', () => {
    // Assert
    expect(CHAT_SEED['c1'].participants).toEqual(['u1', 'u2']);
    expect(CHAT_SEED['c1'].messages).toHaveLength(40);
    expect(CHAT_SEED['c2'].participants).toEqual(['u2']);
    expect(Object.isFrozen(CHAT_SEED['c1'].messages[0])).toBe(true);
  });

  it('answers messages newest first in the snake_case wire format', async () => {
    // Act
    const res = await get(`${C1}?limit=2`);

    // Assert
    expect(res.status).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['messages', 'total_count', 'has_more', 'next_cursor']);
    expect(body.total_count).toBe(40);
    expect(body.has_more).toBe(true);
    expect(body.messages[0]).toEqual(CHAT_SEED['c1'].messages[39]);
    expect(body.messages[1]).toEqual(CHAT_SEED['c1'].messages[38]);
    expect(Object.keys(body.messages[0])).toEqual([
      'id',
      'conversation_id',
      'user_id',
      'content',
      'message_type',
      'metadata',
      'created_at',
      'updated_at',
    ]);
    expect(body.messages[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('pages with an opaque cursor until has_more is false', async () => {
    // Act
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '?limit=15' : `?limit=15&cursor=${encodeURIComponent(cursor)}`;
      const body = (await get(C1 + query)).json();
      seen.push(...body.messages.map((m: { id: string }) => m.id));
      cursor = body.next_cursor;
      pages++;
      if (cursor === null) expect(body.has_more).toBe(false);
    } while (cursor !== null && pages < 10);

    // Assert
    expect(pages).toBe(3);
    expect(seen).toEqual([...CHAT_SEED['c1'].messages].reverse().map((m) => m.id));
  });

  it.each([
    ['limit=0'],
    ['limit=201'],
    ['limit=abc'],
    ['limit='],
    ['cursor=nope'],
    [`cursor=${Buffer.from('m99').toString('base64url')}`],
  ])('answers 400 for %s', async (query) => {
    // Act
    const res = await get(`${C1}?${query}`);

    // Assert
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
  });

  it('accepts the limit bounds 1 and 200', async () => {
    // Act
    const low = (await get(`${C1}?limit=1`)).json();
    const high = (await get(`${C1}?limit=200`)).json();

    // Assert
    expect(low.messages).toHaveLength(1);
    expect(high.messages).toHaveLength(40);
    expect(high.has_more).toBe(false);
    expect(high.next_cursor).toBeNull();
  });

  it('answers 403 to a user who is not a participant, 404 for an unknown conversation', async () => {
    // Act
    const forbidden = await get('/api/v1/chat/conversations/c2/messages', as('u1'));
    const allowed = await get('/api/v1/chat/conversations/c2/messages', as('u2'));
    const unknown = await get('/api/v1/chat/conversations/nope/messages');

    // Assert
    expect(forbidden.status).toBe(403);
    expect(forbidden.json()).toMatchObject({ status: 403, title: 'Forbidden' });
    expect(allowed.status).toBe(200);
    expect(allowed.json().total_count).toBe(3);
    expect(unknown.status).toBe(404);
  });

  it.each([
    ['no token', {}],
    ['an opaque token', { authorization: 'Bearer not-a-jwt' }],
    ['a token signed with another secret', { authorization: `Bearer ${signDevJwt({ sub: 'u1' }, 'wrong')}` }],
    [
      'an expired token',
      { authorization: `Bearer ${signDevJwt({ sub: 'u1', exp: Math.floor(Date.now() / 1000) - 5 })}` },
    ],
  ])('answers 401 for %s', async (_label, headers) => {
    // Act
    const res = await get(C1, headers);

    // Assert
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(chat.stats().lastSubject).toBeNull();
  });

  it('records which subject each verified request came as, and never the token', async () => {
    // Act
    await get(C1, as('u1'));
    await get(C1, as('u2'));
    await get(C1, as('u2'));
    const stats = chat.stats();

    // Assert
    expect(stats).toMatchObject({
      requests: 3,
      lastSubject: 'u2',
      bySubject: { u1: 1, u2: 2 },
      lastHeaders: { authorization: true },
    });
    expect(JSON.stringify(stats)).not.toContain('eyJ');
    chat.resetStats();
    expect(chat.stats()).toMatchObject({ requests: 0, lastSubject: null, bySubject: {} });
  });

  it('verifies with the secret it was started with', async () => {
    // Arrange
    const custom = await startChatEmulator({ jwtSecret: 'another-secret' });

    // Act
    const good = await http(`${custom.url}${C1}`, {
      headers: { authorization: `Bearer ${signDevJwt({ sub: 'u1' }, 'another-secret')}` },
    });
    const dev = await http(`${custom.url}${C1}`, { headers: as('u1') });
    await custom.close();

    // Assert
    expect([good.status, dev.status]).toEqual([200, 401]);
  });

  it('serves /health and the fault API of the kernel', async () => {
    // Arrange
    await http(`${chat.url}/_sandbox/faults`, { method: 'PUT', body: { mode: 'error', status: 503, path: '/api/' } });

    // Act
    const faulted = await get(C1);
    const health = await get('/health', {});
    await http(`${chat.url}/_sandbox/faults`, { method: 'DELETE' });

    // Assert
    expect(faulted.status).toBe(503);
    expect(health.status).toBe(200);
    expect(chat.stats().faulted.error).toBe(1);
  });
});
