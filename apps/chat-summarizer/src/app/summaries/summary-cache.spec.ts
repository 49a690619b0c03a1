import { SummaryCache, summaryCacheKey } from './summary-cache';
import { ifNoneMatchHits, summaryEtag } from './summary-etag';

describe(SummaryCache.name, () => {
  it('drops the least recently used entry past its bound', () => {
    const cache = new SummaryCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);

    cache.get('a');
    cache.set('c', 3);

    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
  });

  it('replaces an entry in place and refuses a senseless bound', () => {
    const cache = new SummaryCache<number>(1);
    cache.set('a', 1);
    cache.set('a', 2);

    expect(cache.get('a')).toBe(2);
    expect(cache.size).toBe(1);
    expect(() => new SummaryCache(0)).toThrow(RangeError);
  });

  it('keys on conversation, window and newest message, without ambiguity', () => {
    expect(summaryCacheKey('c1', 50, 'm40')).not.toBe(summaryCacheKey('c1', 50, 'm41'));
    expect(summaryCacheKey('c1', 50, 'm40')).not.toBe(summaryCacheKey('c1', 20, 'm40'));
    expect(summaryCacheKey('a,1', 2, 'b')).not.toBe(summaryCacheKey('a', 1, '2,b'));
  });
});

describe(summaryEtag.name, () => {
  it('is a stable strong tag that changes with the newest message and the method', () => {
    const tag = summaryEtag('c1', 50, 'm40', 'llm');

    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(summaryEtag('c1', 50, 'm40', 'llm')).toBe(tag);
    expect(summaryEtag('c1', 50, 'm41', 'llm')).not.toBe(tag);
    expect(summaryEtag('c1', 50, 'm40', 'extractive')).not.toBe(tag);
  });
});

describe(ifNoneMatchHits.name, () => {
  const tag = '"abc"';

  it('matches the tag in a list, weakly, or *', () => {
    expect(ifNoneMatchHits('"x", "abc"', tag)).toBe(true);
    expect(ifNoneMatchHits('W/"abc"', tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
  });

  it('does not match another tag or no header', () => {
    expect(ifNoneMatchHits('"abd"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
    expect(ifNoneMatchHits('', tag)).toBe(false);
  });
});
