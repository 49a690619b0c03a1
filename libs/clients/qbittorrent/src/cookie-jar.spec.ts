import { CookieJar, parseSetCookie } from './cookie-jar';

describe(CookieJar.name, () => {
  it('keeps every cookie by its own name (SID on 4.x, QBT_SID_<port> on 5.2)', () => {
    // Arrange
    const jar = new CookieJar();

    // Act
    jar.absorb(['SID=abc/def+==; HttpOnly; path=/; SameSite=Strict', 'QBT_SID_8080=xyz; HttpOnly; path=/']);

    // Assert
    expect(jar.header()).toBe('SID=abc/def+==; QBT_SID_8080=xyz');
    expect(jar.size).toBe(2);
  });

  it('accepts a single Set-Cookie string and replaces a cookie of the same name', () => {
    // Arrange
    const jar = new CookieJar();
    jar.absorb('SID=old; path=/');

    // Act
    jar.absorb('SID=new; path=/');

    // Assert
    expect(jar.header()).toBe('SID=new');
  });

  it('drops a cookie the server expires (logout) and is empty without cookies', () => {
    // Arrange
    const jar = new CookieJar();
    jar.absorb(['SID=abc; path=/', 'other=1']);

    // Act
    jar.absorb(['SID=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT', 'other=1; Max-Age=0']);

    // Assert
    expect(jar.header()).toBeUndefined();
  });

  it('ignores an absent header and malformed lines', () => {
    // Arrange
    const jar = new CookieJar();

    // Act
    jar.absorb(undefined);
    jar.absorb(['no-equals-sign', '=value-without-name']);

    // Assert
    expect(jar.size).toBe(0);
  });
});

describe(parseSetCookie.name, () => {
  it('reads name, value and whether it is expired', () => {
    // Arrange
    const now = Date.parse('2025-01-01T00:00:00Z');

    // Act
    const live = parseSetCookie('SID=a=b; Expires=Wed, 01 Jan 2026 00:00:00 GMT; HttpOnly', now);
    const dead = parseSetCookie('SID=a; Expires=Tue, 31 Dec 2024 23:59:59 GMT', now);

    // Assert
    expect(live).toEqual({ name: 'SID', value: 'a=b', expired: false });
    expect(dead).toEqual({ name: 'SID', value: 'a', expired: true });
  });
});
