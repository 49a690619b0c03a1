import { SANDBOX_PORTS as EMULATOR_PORTS } from '@keel/sandbox';
import { SANDBOX_PORTS, sandboxUrls } from './sandbox-urls';
import services from './services';

describe(sandboxUrls.name, () => {
  it('knows the port of every emulator the sandbox runs', () => {
    expect(SANDBOX_PORTS).toEqual(EMULATOR_PORTS);
  });

  it('points each downstream at its emulator', () => {
    // Act
    const urls = sandboxUrls(['library', 'tmdb'], {});

    // Assert
    expect(urls).toEqual({ LIBRARY_SERVICE_URL: 'http://127.0.0.1:3101', TMDB_SERVICE_URL: 'http://127.0.0.1:3108' });
  });

  it('leaves a downstream the environment already addresses to it', () => {
    // Act
    const urls = sandboxUrls(['library', 'chat', 'llm'], {
      LIBRARY_SERVICE_URLS: 'http://a:1,http://b:2',
      CHAT_SERVICE_HOST: 'chat.internal',
      LLM_SERVICE_URL: ' ',
    });

    // Assert
    expect(urls).toEqual({ LLM_SERVICE_URL: 'http://127.0.0.1:3107' });
  });
});

describe('npm start services', () => {
  // Each service's client modules require an address; a missing one would stop npm start.
  it.each([
    ['download', ['LIBRARY']],
    ['chat-summarizer', ['CHAT', 'LLM']],
    ['project', ['USER', 'KNOWLEDGE']],
    ['media-acquisition', ['PROWLARR', 'QBITTORRENT', 'TMDB']],
  ])('gives %s an address for each of its downstreams', (name, downstreams) => {
    // Act
    const service = services.find((s) => s.name === name);

    // Assert
    const addressed = downstreams.filter(
      (d) =>
        service?.env?.[`${d}_SERVICE_URL`] !== undefined ||
        process.env[`${d}_SERVICE_URL`] !== undefined ||
        process.env[`${d}_SERVICE_URLS`] !== undefined,
    );
    expect(addressed).toEqual(downstreams);
  });
});
