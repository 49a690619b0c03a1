import type { AuthenticatedUser } from '@keel/context';
import { VerifiedTokenCache } from './verified-token.cache';

const user = (id: string): AuthenticatedUser => ({ id, roles: [], claims: {} });

describe(VerifiedTokenCache.name, () => {
  it('returns a stored user until its expiry, then forgets it', () => {
    const cache = new VerifiedTokenCache();
    cache.set('t1', user('u1'), 1_000);

    expect(cache.get('t1', 999)?.id).toBe('u1');
    expect(cache.get('t1', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('misses a token it never stored', () => {
    expect(new VerifiedTokenCache().get('nope', 0)).toBeUndefined();
  });

  it('evicts the oldest entry once full', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', user('a'), 10);
    cache.set('b', user('b'), 10);

    cache.set('c', user('c'), 10);

    expect(cache.size).toBe(2);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('b', 0)?.id).toBe('b');
    expect(cache.get('c', 0)?.id).toBe('c');
  });

  it('does not evict when a stored token is stored again', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', user('a'), 10);
    cache.set('b', user('b'), 10);

    cache.set('b', user('b'), 20);

    expect(cache.get('a', 0)?.id).toBe('a');
    expect(cache.get('b', 15)?.id).toBe('b');
  });
});
