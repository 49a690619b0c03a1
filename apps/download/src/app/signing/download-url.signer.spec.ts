import { createHmac } from 'node:crypto';
import { DEV_DOWNLOAD_URL_SECRET } from './download-url.config';
import { DownloadUrlSigner } from './download-url.signer';

describe(DownloadUrlSigner.name, () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('signs session, game, user and expiry with HMAC-SHA256 under DOWNLOAD_URL_SECRET, as the CDN checks', () => {
    // Arrange
    Object.assign(process.env, {
      DOWNLOAD_URL_SECRET: 'shared-with-cdn',
      DOWNLOAD_CONTENT_BASE_URL: 'https://cdn.test/content/',
      DOWNLOAD_URL_TTL_SECONDS: '60',
    });
    const signer = new DownloadUrlSigner();

    // Act
    const url = new URL(signer.sign({ downloadId: 'd1', gameId: 'g/1', userId: 'u 1' }, 1_000_000));

    // Assert
    const expires = 1_000 + 60;
    expect(`${url.origin}${url.pathname}`).toBe('https://cdn.test/content/g%2F1');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      download: 'd1',
      user: 'u 1',
      expires: String(expires),
      signature: createHmac('sha256', 'shared-with-cdn').update(`d1\ng/1\nu 1\n${expires}`).digest('hex'),
    });
  });

  it('uses the development secret outside production, and refuses to start without one in production', () => {
    // Arrange
    delete process.env.DOWNLOAD_URL_SECRET;
    process.env.NODE_ENV = 'test';
    const url = new URL(new DownloadUrlSigner().sign({ downloadId: 'd1', gameId: 'g1', userId: 'u1' }, 0));
    process.env.NODE_ENV = 'production';

    // Act
    const refuse = () => new DownloadUrlSigner();

    // Assert
    expect(url.searchParams.get('signature')).toBe(
      createHmac('sha256', DEV_DOWNLOAD_URL_SECRET)
        .update(`d1\ng1\nu1\n${url.searchParams.get('expires')}`)
        .digest('hex'),
    );
    expect(refuse).toThrow('DOWNLOAD_URL_SECRET must be set in production');
  });

  it.each(['0', '1.5', 'soon'])('refuses DOWNLOAD_URL_TTL_SECONDS=%s', (ttl) => {
    // Arrange
    process.env.DOWNLOAD_URL_TTL_SECONDS = ttl;

    // Act
    const build = () => new DownloadUrlSigner();

    // Assert
    expect(build).toThrow(/DOWNLOAD_URL_TTL_SECONDS/);
  });
});
