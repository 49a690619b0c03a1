import { createHmac } from 'node:crypto';
import { DEV_JWT_SECRET, signDevJwt, verifyHs256 } from './chat.jwt';

describe(verifyHs256.name, () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('accepts a token signed with the secret and returns its subject', () => {
    // Act
    const verdict = verifyHs256(signDevJwt({ sub: 'u1' }), DEV_JWT_SECRET);

    // Assert
    expect(verdict).toEqual({ ok: true, subject: 'u1' });
  });

  it.each([
    ['another secret', () => signDevJwt({ sub: 'u1' }, 'other'), /signature/],
    ['an expired token', () => signDevJwt({ sub: 'u1', exp: 1000 }), /expired/],
    ['a token not valid yet', () => signDevJwt({ sub: 'u1', nbf: 9_999_999_999 }), /not valid yet/],
    ['no subject', () => signDevJwt({}), /subject/],
    ['not a JWT', () => 'abc', /not a JWT/],
    ['alg none', () => `${b64({ alg: 'none' })}.${b64({ sub: 'u1' })}.`, /HS256/],
    [
      'a tampered payload',
      () => signDevJwt({ sub: 'u1' }).replace(/\.[^.]+\./, `.${b64({ sub: 'u2' })}.`),
      /signature/,
    ],
  ])('refuses %s', (_label, token, reason) => {
    // Act
    const verdict = verifyHs256(token(), DEV_JWT_SECRET);

    // Assert
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
  });

  it('matches a standard HS256 signature', () => {
    // Arrange
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const body = b64({ sub: 'u2' });
    const signature = createHmac('sha256', 's3cret').update(`${head}.${body}`).digest('base64url');

    // Act
    const verdict = verifyHs256(`${head}.${body}.${signature}`, 's3cret');

    // Assert
    expect(verdict).toEqual({ ok: true, subject: 'u2' });
  });
});
