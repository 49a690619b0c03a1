import { SearchCache } from './search-cache';

describe(SearchCache.name, () => {
  let now = 0;
  const clock = () => now;

  beforeEach(() => {
    now = 0;
  });

  it('reuses a value within its TTL and reloads it after', async () => {
    // Arrange
    const cache = new SearchCache<number>(1_000, 10, clock);
    const load = jest.fn().mockResolvedValueOnce(1).mockResolvedValueOnce(2);

    // Act
    const first = await cache.get('k', load);
    now = 999;
    const second = await cache.get('k', load);
    now = 2_000;
    const third = await cache.get('k', load);

    // Assert
    expect([first, second, third]).toEqual([
      { value: 1, cached: false },
      { value: 1, cached: true },
      { value: 2, cached: false },
    ]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load between concurrent callers', async () => {
    // Arrange
    const cache = new SearchCache<string>(1_000, 10, clock);
    let resolve!: (v: string) => void;
    const load = jest.fn(() => new Promise<string>((r) => (resolve = r)));

    // Act
    const a = cache.get('k', load);
    const b = cache.get('k', load);
    resolve('x');

    // Assert
    expect((await a).value).toBe('x');
    expect((await b).value).toBe('x');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('never caches a failure', async () => {
    // Arrange
    const cache = new SearchCache<string>(1_000, 10, clock);
    const load = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce('ok');

    // Act
    const failed = await cache.get('k', load).catch((e: Error) => e.message);
    const retried = await cache.get('k', load);

    // Assert
    expect(failed).toBe('down');
    expect(retried).toEqual({ value: 'ok', cached: false });
  });

  it('evicts the oldest entry beyond its bound', async () => {
    // Arrange
    const cache = new SearchCache<string>(10_000, 2, clock);
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    await cache.get('c', async () => 'c');
    const load = jest.fn(async () => 'a2');

    // Act
    const a = await cache.get('a', load);

    // Assert
    expect(a).toEqual({ value: 'a2', cached: false });
  });
});
