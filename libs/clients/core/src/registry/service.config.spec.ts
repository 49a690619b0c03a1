import { resolveServiceConfig } from './service.config';
import { InvalidServiceConfigError } from './service-config.error';

const LIBRARY = { LIBRARY_SERVICE_URL: 'http://library.internal:3101' };
const PROWLARR = { PROWLARR_SERVICE_URL: 'http://prowlarr:9696' };

/** Runs `fn` and returns what it threw (or fails the test if it did not throw). */
function thrown(fn: () => unknown): InvalidServiceConfigError {
  try {
    fn();
  } catch (error) {
    return error as InvalidServiceConfigError;
  }
  throw new Error('expected an InvalidServiceConfigError, nothing was thrown');
}

describe(resolveServiceConfig.name, () => {
  describe('defaults', () => {
    it('applies the documented policy defaults', () => {
      // Act
      const config = resolveServiceConfig('library', LIBRARY);

      // Assert
      expect(config).toEqual({
        name: 'library',
        urls: ['http://library.internal:3101'],
        timeoutMs: 10_000,
        policy: {
          timeoutMs: 10_000,
          retry: { maxRetries: 2, initialDelayMs: 100, exponent: 2 },
          breaker: { kind: 'consecutive', threshold: 5, halfOpenAfterMs: 30_000 },
          rateLimit: false,
          bulkhead: { limit: 32, queue: 128 },
        },
        balancing: {
          balancer: 'p2c',
          outlier: { consecutiveFailures: 5, baseEjectionMs: 30_000, maxEjectionMs: 300_000, maxEjectionPercent: 50 },
          hedgeDelay: 'p95',
        },
      });
    });

    it('has no default address: none set is a start-up error naming the URL variable', () => {
      // Act
      const error = thrown(() => resolveServiceConfig('library', { LIBRARY_SERVICE_TIMEOUT: '5s' }));

      // Assert
      expect(error).toBeInstanceOf(InvalidServiceConfigError);
      expect(error.variable).toBe('LIBRARY_SERVICE_URL');
      expect(error.message).toMatch(/^LIBRARY_SERVICE_URL="" is invalid: expected the base URL of library/);
    });

    it('takes a client’s own default URL when no address is set, and the env over it', () => {
      // Act
      const fallback = resolveServiceConfig('tmdb', {}, { url: 'https://api.themoviedb.org/' }).urls;
      const configured = resolveServiceConfig(
        'tmdb',
        { TMDB_SERVICE_URL: 'http://127.0.0.1:3108' },
        { url: 'https://api.themoviedb.org' },
      ).urls;

      // Assert
      expect(fallback).toEqual(['https://api.themoviedb.org']);
      expect(configured).toEqual(['http://127.0.0.1:3108']);
    });

    it('treats blank variables as unset', () => {
      // Act
      const config = resolveServiceConfig('library', {
        ...LIBRARY,
        LIBRARY_SERVICE_URLS: '   ',
        LIBRARY_SERVICE_TIMEOUT: '',
      });
      const missing = thrown(() => resolveServiceConfig('library', { LIBRARY_SERVICE_URL: '   ' }));

      // Assert
      expect(config.urls).toEqual(['http://library.internal:3101']);
      expect(config.timeoutMs).toBe(10_000);
      expect(missing.variable).toBe('LIBRARY_SERVICE_URL');
    });

    it('applies a client’s own defaults (timeout, retries, rate limit) under the env', () => {
      // Act
      const config = resolveServiceConfig('prowlarr', PROWLARR, { timeout: '30s', maxRetries: 0, rateLimit: '10/1s' });

      // Assert
      expect(config.timeoutMs).toBe(30_000);
      expect(config.policy.retry).toEqual({ maxRetries: 0, initialDelayMs: 100, exponent: 2 });
      expect(config.policy.rateLimit).toEqual({ limit: 10, windowMs: 1000, maxWaitMs: 100 });
    });

    it('lets the env override a client’s own defaults', () => {
      // Act
      const config = resolveServiceConfig(
        'prowlarr',
        { ...PROWLARR, PROWLARR_SERVICE_RATE_LIMIT: '120/1m', PROWLARR_SERVICE_TIMEOUT: '2s' },
        { timeout: '30s', rateLimit: '10/1s' },
      );

      // Assert
      expect(config.timeoutMs).toBe(2000);
      // maxWaitMs is a tenth of the window, capped by the timeout.
      expect(config.policy.rateLimit).toEqual({ limit: 120, windowMs: 60_000, maxWaitMs: 2000 });
    });

    it('applies a client’s own breaker defaults, which the env overrides', () => {
      // Arrange
      const defaults = { circuitBreakerTimeout: '60s', circuitBreakerMaxFails: 3 };

      // Act
      const fromDefaults = resolveServiceConfig('prowlarr', PROWLARR, defaults);
      const fromEnv = resolveServiceConfig(
        'prowlarr',
        {
          ...PROWLARR,
          PROWLARR_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '5s',
          PROWLARR_SERVICE_CIRCUIT_BREAKER_MAX_FAILS: '9',
        },
        defaults,
      );

      // Assert
      expect(fromDefaults.policy.breaker).toEqual({ kind: 'consecutive', threshold: 3, halfOpenAfterMs: 60_000 });
      expect(fromEnv.policy.breaker).toEqual({ kind: 'consecutive', threshold: 9, halfOpenAfterMs: 5000 });
    });

    it('names a malformed client default after the variable that would override it', () => {
      const error = thrown(() => resolveServiceConfig('prowlarr', PROWLARR, { rateLimit: 'lots' }));

      expect(error.variable).toBe('PROWLARR_SERVICE_RATE_LIMIT');
    });
  });

  describe('instances', () => {
    it('takes URL and removes its trailing slashes', () => {
      expect(resolveServiceConfig('library', { LIBRARY_SERVICE_URL: 'https://library.internal:8443/' }).urls).toEqual([
        'https://library.internal:8443',
      ]);
      expect(resolveServiceConfig('library', { LIBRARY_SERVICE_URL: 'http://gw.internal/library//' }).urls).toEqual([
        'http://gw.internal/library',
      ]);
    });

    it('builds the URL from HOST, PORT and PROTOCOL', () => {
      // Act
      const config = resolveServiceConfig('library', {
        LIBRARY_SERVICE_HOST: 'library.svc',
        LIBRARY_SERVICE_PORT: '8080',
        LIBRARY_SERVICE_PROTOCOL: 'https',
      });

      // Assert
      expect(config.urls).toEqual(['https://library.svc:8080']);
    });

    it('defaults HOST to 127.0.0.1 and PROTOCOL to http', () => {
      expect(resolveServiceConfig('library', { LIBRARY_SERVICE_PORT: '9000' }).urls).toEqual(['http://127.0.0.1:9000']);
    });

    it('prefers URL over HOST/PORT, and URLS over both', () => {
      // Arrange
      const env = { CHAT_SERVICE_HOST: 'host-a', CHAT_SERVICE_PORT: '1', CHAT_SERVICE_URL: 'http://single:2' };

      // Act
      const fromUrl = resolveServiceConfig('chat', env).urls;
      const fromUrls = resolveServiceConfig('chat', { ...env, CHAT_SERVICE_URLS: 'http://a:1,http://b:2' }).urls;

      // Assert
      expect(fromUrl).toEqual(['http://single:2']);
      expect(fromUrls).toEqual(['http://a:1', 'http://b:2']);
    });

    it('splits URLS on commas, trimming each entry and its trailing slash', () => {
      // Act
      const config = resolveServiceConfig('user', {
        USER_SERVICE_URLS: ' http://u1:3103/ ,http://u2:3103,  https://u3/api/ ',
      });

      // Assert
      expect(config.urls).toEqual(['http://u1:3103', 'http://u2:3103', 'https://u3/api']);
    });

    it('maps a name with dashes to an underscored prefix', () => {
      expect(resolveServiceConfig('game-store', { GAME_STORE_SERVICE_URL: 'http://store:1' }).urls).toEqual([
        'http://store:1',
      ]);
    });

    it('throws for a downstream without any address, naming its URL variable', () => {
      // Act
      const error = thrown(() => resolveServiceConfig('billing', {}));

      // Assert
      expect(error).toBeInstanceOf(InvalidServiceConfigError);
      expect(error.variable).toBe('BILLING_SERVICE_URL');
      expect(error.message).toContain('BILLING_SERVICE_URL');
    });

    it('accepts PORT alone (host 127.0.0.1)', () => {
      expect(resolveServiceConfig('billing', { BILLING_SERVICE_PORT: '7000' }).urls).toEqual(['http://127.0.0.1:7000']);
    });

    // Regression (was a bug at service-config.ts:84): without PORT the URL was built as `http://billing.svc:undefined`,
    // which fails and blames HOST although HOST is fine.
    it('accepts HOST alone (the protocol’s default port)', () => {
      expect(resolveServiceConfig('billing', { BILLING_SERVICE_HOST: 'billing.svc' }).urls).toEqual([
        'http://billing.svc',
      ]);
    });
  });

  describe('policy', () => {
    it('reads every tuning variable', () => {
      // Arrange
      const env = {
        KNOWLEDGE_SERVICE_URL: 'http://knowledge:3104',
        KNOWLEDGE_SERVICE_TIMEOUT: '1.5s',
        KNOWLEDGE_SERVICE_MAX_RETRIES: '4',
        KNOWLEDGE_SERVICE_RETRY_DELAY: '250ms',
        KNOWLEDGE_SERVICE_RETRY_BACKOFF: '1.5',
        KNOWLEDGE_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '1m',
        KNOWLEDGE_SERVICE_CIRCUIT_BREAKER_MAX_FAILS: '10',
        KNOWLEDGE_SERVICE_RATE_LIMIT: '60/1m',
        KNOWLEDGE_SERVICE_BULKHEAD: '8/16',
      };

      // Act
      const config = resolveServiceConfig('knowledge', env);

      // Assert
      expect(config.timeoutMs).toBe(1500);
      expect(config.policy).toEqual({
        timeoutMs: 1500,
        retry: { maxRetries: 4, initialDelayMs: 250, exponent: 1.5 },
        breaker: { kind: 'consecutive', threshold: 10, halfOpenAfterMs: 60_000 },
        rateLimit: { limit: 60, windowMs: 60_000, maxWaitMs: 1500 },
        bulkhead: { limit: 8, queue: 16 },
      });
    });

    it.each(['false', 'FALSE', '0'])('switches the breaker off with CIRCUIT_BREAKER_ENABLED=%s', (value) => {
      expect(
        resolveServiceConfig('library', { ...LIBRARY, LIBRARY_SERVICE_CIRCUIT_BREAKER_ENABLED: value }).policy.breaker,
      ).toBe(false);
    });

    it.each(['true', 'True', '1'])('keeps the breaker on with CIRCUIT_BREAKER_ENABLED=%s', (value) => {
      expect(
        resolveServiceConfig('library', { ...LIBRARY, LIBRARY_SERVICE_CIRCUIT_BREAKER_ENABLED: value }).policy.breaker,
      ).toEqual({ kind: 'consecutive', threshold: 5, halfOpenAfterMs: 30_000 });
    });

    it('reads a sampling breaker: a failure ratio over a window, with a minimum rate', () => {
      // Arrange
      const env = {
        ...LIBRARY,
        LIBRARY_SERVICE_CIRCUIT_BREAKER_KIND: 'Sampling',
        LIBRARY_SERVICE_CIRCUIT_BREAKER_FAILURE_RATIO: '0.25',
        LIBRARY_SERVICE_CIRCUIT_BREAKER_WINDOW: '1m',
        LIBRARY_SERVICE_CIRCUIT_BREAKER_MIN_RPS: '2',
        LIBRARY_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '10s',
      };

      // Act
      const { breaker } = resolveServiceConfig('library', env).policy;

      // Assert
      expect(breaker).toEqual({
        kind: 'sampling',
        threshold: 0.25,
        samplingDurationMs: 60_000,
        minimumRps: 2,
        halfOpenAfterMs: 10_000,
      });
    });

    it("gives a sampling breaker half its window's calls failing, over 30s, from 5 calls a second by default", () => {
      expect(
        resolveServiceConfig('library', { ...LIBRARY, LIBRARY_SERVICE_CIRCUIT_BREAKER_KIND: 'sampling' }).policy
          .breaker,
      ).toEqual({
        kind: 'sampling',
        threshold: 0.5,
        samplingDurationMs: 30_000,
        minimumRps: 5,
        halfOpenAfterMs: 30_000,
      });
    });

    it('allows zero retries', () => {
      expect(resolveServiceConfig('library', { ...LIBRARY, LIBRARY_SERVICE_MAX_RETRIES: '0' }).policy.retry).toEqual({
        maxRetries: 0,
        initialDelayMs: 100,
        exponent: 2,
      });
    });

    it('gives a rate-limited call at most a tenth of the window to wait', () => {
      expect(
        resolveServiceConfig('library', { ...LIBRARY, LIBRARY_SERVICE_RATE_LIMIT: '10/1s' }).policy.rateLimit,
      ).toEqual({ limit: 10, windowMs: 1000, maxWaitMs: 100 });
    });
  });

  describe('balancing', () => {
    it('reads the balancer, outlier ejection and hedge delay', () => {
      // Act
      const config = resolveServiceConfig('library', {
        ...LIBRARY,
        LIBRARY_SERVICE_LB: 'Round-Robin',
        LIBRARY_SERVICE_OUTLIER_FAILURES: '3',
        LIBRARY_SERVICE_OUTLIER_EJECTION: '10s',
        LIBRARY_SERVICE_OUTLIER_MAX_EJECTION: '1m',
        LIBRARY_SERVICE_OUTLIER_MAX_PERCENT: '34',
        LIBRARY_SERVICE_HEDGE_DELAY: '40ms',
      });

      // Assert
      expect(config.balancing).toEqual({
        balancer: 'round-robin',
        outlier: { consecutiveFailures: 3, baseEjectionMs: 10_000, maxEjectionMs: 60_000, maxEjectionPercent: 34 },
        hedgeDelay: 40,
      });
    });

    it('takes the instances from DNS, starting with the name itself until the first answer', () => {
      // Act
      const config = resolveServiceConfig('library', {
        LIBRARY_SERVICE_DNS: 'library.default.svc.cluster.local:3001',
        LIBRARY_SERVICE_DNS_REFRESH: '5s',
        LIBRARY_SERVICE_DNS_SERVERS: '10.0.0.10:53',
      });

      // Assert
      expect(config.urls).toEqual(['http://library.default.svc.cluster.local:3001']);
      expect(config.balancing.dns).toEqual({
        host: 'library.default.svc.cluster.local',
        port: 3001,
        protocol: 'http',
        refreshMs: 5_000,
        servers: ['10.0.0.10:53'],
      });
    });

    it.each([
      ['LIBRARY_SERVICE_LB', 'fastest'],
      ['LIBRARY_SERVICE_OUTLIER_MAX_PERCENT', '101'],
      ['LIBRARY_SERVICE_HEDGE_DELAY', 'soon'],
      ['LIBRARY_SERVICE_DNS', 'library'],
      ['LIBRARY_SERVICE_DNS', 'library:0'],
      ['LIBRARY_SERVICE_DNS_REFRESH', '10ms'],
    ])('names %s when it is %s', (variable, value) => {
      // Act
      const resolve = () => resolveServiceConfig('library', { LIBRARY_SERVICE_DNS: 'library:3001', [variable]: value });

      // Assert
      expect(resolve).toThrow(new RegExp(variable));
    });
  });

  describe('malformed variables', () => {
    it.each([
      ['TIMEOUT', 'soon'],
      ['TIMEOUT', '-1s'],
      ['MAX_RETRIES', 'two'],
      ['MAX_RETRIES', '-1'],
      ['MAX_RETRIES', '1.5'],
      ['RETRY_DELAY', '100 millis'],
      ['RETRY_BACKOFF', '0.5'],
      ['RETRY_BACKOFF', 'fast'],
      ['CIRCUIT_BREAKER_ENABLED', 'yes'],
      ['CIRCUIT_BREAKER_TIMEOUT', '30 seconds'],
      ['CIRCUIT_BREAKER_MAX_FAILS', '0'],
      ['CIRCUIT_BREAKER_MAX_FAILS', 'five'],
      ['CIRCUIT_BREAKER_KIND', 'ratio'],
      ['CIRCUIT_BREAKER_FAILURE_RATIO', '0'],
      ['CIRCUIT_BREAKER_FAILURE_RATIO', '50%'],
      ['CIRCUIT_BREAKER_WINDOW', '500ms'],
      ['CIRCUIT_BREAKER_MIN_RPS', '0.5'],
      ['RATE_LIMIT', '60'],
      ['RATE_LIMIT', '0/1m'],
      ['BULKHEAD', '0/10'],
      ['BULKHEAD', 'many'],
      ['URL', 'library.internal:3101'],
      ['URL', 'ftp://library.internal'],
      ['URLS', 'http://a:1,not a url'],
      ['PORT', 'http'],
      ['PORT', '123456'],
      ['PROTOCOL', 'ftp'],
      ['HOST', 'bad host'],
    ])('LIBRARY_SERVICE_%s=%j throws, naming that variable', (key, value) => {
      // Arrange
      const variable = `LIBRARY_SERVICE_${key}`;

      // Act
      const error = thrown(() =>
        resolveServiceConfig('library', { LIBRARY_SERVICE_HOST: 'library.svc', [variable]: value }),
      );

      // Assert
      expect(error).toBeInstanceOf(InvalidServiceConfigError);
      expect(error.name).toBe('InvalidServiceConfigError');
      expect(error.variable).toBe(variable);
      expect(error.message.startsWith(`${variable}=`)).toBe(true);
    });

    it('quotes the bad value and says what was expected', () => {
      // Act
      const error = thrown(() => resolveServiceConfig('library', { ...LIBRARY, LIBRARY_SERVICE_TIMEOUT: 'soon' }));

      // Assert
      expect(error.message).toBe(
        'LIBRARY_SERVICE_TIMEOUT="soon" is invalid: expected a duration of at least 1ms, like 10s or 500ms',
      );
      expect(error.value).toBe('soon');
    });

    it('reports the trimmed value', () => {
      expect(
        thrown(() => resolveServiceConfig('library', { ...LIBRARY, LIBRARY_SERVICE_BULKHEAD: '  0/1 ' })).value,
      ).toBe('0/1');
    });

    // Regression (was a bug at service-config.ts:79 + 84): PORT passes its 1–5 digit check, then `new URL` rejects the
    // out-of-range port inside checkUrl, which names HOST (and quotes the whole URL) instead of PORT.
    it.each(['70000', '99999'])('names PORT for an out-of-range port %s', (port) => {
      const error = thrown(() => resolveServiceConfig('library', { LIBRARY_SERVICE_PORT: port }));

      expect(error.variable).toBe('LIBRARY_SERVICE_PORT');
      expect(error.value).toBe(port);
    });

    // Regression (was a bug at service-config.ts:41): the lookup table is a plain object, so the lower-case inherited
    // keys
    // `constructor` and `__proto__` resolve to Object / Object.prototype (truthy, not undefined) and turn the breaker
    // on.
    it.each(['constructor', '__proto__'])('rejects CIRCUIT_BREAKER_ENABLED=%s', (value) => {
      const error = thrown(() =>
        resolveServiceConfig('library', { ...LIBRARY, LIBRARY_SERVICE_CIRCUIT_BREAKER_ENABLED: value }),
      );

      expect(error.variable).toBe('LIBRARY_SERVICE_CIRCUIT_BREAKER_ENABLED');
    });

    it('checks the address before the policy variables', () => {
      const error = thrown(() =>
        resolveServiceConfig('library', { LIBRARY_SERVICE_URL: 'nope', LIBRARY_SERVICE_TIMEOUT: 'nope' }),
      );

      expect(error.variable).toBe('LIBRARY_SERVICE_URL');
    });
  });
});
