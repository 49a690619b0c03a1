import { proxyRequest } from './prowlarr-download.link';

describe(proxyRequest.name, () => {
  it('keeps path and query, without the apikey', () => {
    // Act
    const request = proxyRequest('http://127.0.0.1:9696/1/download?apikey=secret&link=abc&file=The%20Matrix', [
      'http://127.0.0.1:9696',
    ]);

    // Assert
    expect(request).toEqual({ path: '/1/download', query: { link: 'abc', file: 'The Matrix' } });
  });

  it('strips the configured base path so it is not sent twice', () => {
    // Act
    const request = proxyRequest('https://media.example/prowlarr/3/download?link=x', [
      'https://media.example/prowlarr',
    ]);

    // Assert
    expect(request?.path).toBe('/3/download');
  });

  it.each([
    ['another origin', 'http://evil.example/1/download?link=x'],
    ['another port', 'http://127.0.0.1:9697/1/download?link=x'],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_, link) => {
    // Act + Assert
    expect(proxyRequest(link, ['http://127.0.0.1:9696'])).toBeUndefined();
  });
});
