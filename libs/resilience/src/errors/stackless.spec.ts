import { stackless } from './stackless';

describe(stackless.name, () => {
  it('builds the error without stack frames', () => {
    const error = stackless(() => new Error('refused'));

    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('refused');
    expect(error.stack).not.toMatch(/\n\s+at /);
  });

  it('restores Error.stackTraceLimit afterwards, even when the factory throws', () => {
    const before = Error.stackTraceLimit;

    stackless(() => new Error('a'));
    expect(() =>
      stackless(() => {
        throw new TypeError('factory failed');
      }),
    ).toThrow(TypeError);

    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('normal').stack).toMatch(/\n\s+at /);
  });
});
