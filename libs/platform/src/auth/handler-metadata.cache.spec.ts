import type { ExecutionContext } from '@nestjs/common';
import { HandlerMetadataCache } from './handler-metadata.cache';

class Base {
  handle(): string {
    return Base.name;
  }
}
class Child extends Base {}

const contextOf = (cls: object, handler: unknown) =>
  ({ getClass: () => cls, getHandler: () => handler }) as unknown as ExecutionContext;

describe(HandlerMetadataCache.name, () => {
  it('reads a handler once, and again for another class that shares it', () => {
    // Arrange
    const read = jest.fn((_handler: unknown, cls: unknown) => (cls === Child ? 'child' : 'base'));
    const cache = new HandlerMetadataCache(read);

    // Act
    const first = cache.get(contextOf(Base, Base.prototype.handle));
    const again = cache.get(contextOf(Base, Base.prototype.handle));
    const inherited = cache.get(contextOf(Child, Base.prototype.handle));

    // Assert
    expect([first, again, inherited]).toEqual(['base', 'base', 'child']);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
