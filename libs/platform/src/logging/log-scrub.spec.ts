import { scrubError, scrubFields, scrubQuery, scrubText } from './log-scrub';

describe('log scrubbing', () => {
  it('redacts credentials in any URL inside a text, keeping the rest', () => {
    // Arrange
    const text =
      'GET https://idx.example/api?apikey=K1&t=search&q=dune failed; ' +
      'redis://default:R3dis-pw@cache:6379 down; /dl?id=9&sig=abc123&exp=5';

    // Act
    const scrubbed = scrubText(text);

    // Assert
    expect(scrubbed).toBe(
      'GET https://idx.example/api?apikey=[redacted]&t=search&q=dune failed; ' +
        'redis://default:[redacted]@cache:6379 down; /dl?id=9&sig=[redacted]&exp=5',
    );
  });

  it('keeps the statement of a failed query and drops its values (message, Postgres detail, quoted input)', () => {
    // Arrange
    const err = {
      type: 'DrizzleQueryError',
      message: 'Failed query: insert into users (email) values ($1)\nparams: someone@example.com',
      stack:
        'Error: Failed query: insert into users (email) values ($1)\nparams: someone@example.com\n    at x (y.js:1:1)',
      query: 'insert into users (email) values ($1)',
      params: ['someone@example.com'],
      cause: {
        message: 'invalid input syntax for type uuid: "my diary"',
        detail: 'Key (email)=(someone@example.com) already exists.',
        code: '23505',
      },
    };

    // Act
    const scrubbed = JSON.stringify(scrubError(err));

    // Assert
    expect(scrubbed).not.toContain('someone@example.com');
    expect(scrubbed).not.toContain('my diary');
    expect(scrubbed).toContain('insert into users (email) values ($1)\\nparams: [redacted]');
    expect(scrubbed).toContain('"params":"[1 redacted]"');
    expect(scrubbed).toContain('Key (email)=([redacted]) already exists.');
    expect(scrubbed).toContain('"code":"23505"');
  });

  it('redacts credential-named query parameters and top-level string fields', () => {
    expect(scrubQuery({ access_token: 'a', 'api-key': 'b', page: '2' })).toEqual({
      access_token: '[redacted]',
      'api-key': '[redacted]',
      page: '2',
    });
    expect(scrubFields({ url: 'http://x/?token=t', n: 1 })).toEqual({ url: 'http://x/?token=[redacted]', n: 1 });
  });
});
