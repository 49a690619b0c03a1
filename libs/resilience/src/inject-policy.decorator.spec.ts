import { PolicyRegistry } from './policy-registry.service';
import { getPolicyToken, providePolicy } from './inject-policy.decorator';

describe('providePolicy', () => {
  it('names the token KEEL:POLICY:<name>', () => {
    expect(getPolicyToken('library')).toBe('KEEL:POLICY:library');
  });

  it('builds a factory provider that asks the registry for the named policy', () => {
    const registry = { get: jest.fn().mockReturnValue('pipeline') } as unknown as PolicyRegistry;

    const provider = providePolicy('library');
    const made = provider.useFactory(registry);

    expect(provider.provide).toBe('KEEL:POLICY:library');
    expect(provider.inject).toEqual([PolicyRegistry]);
    expect(made).toBe('pipeline');
    expect(registry.get).toHaveBeenCalledWith('library', undefined);
  });

  it('calls the options factory with the extra injected dependencies', () => {
    const registry = { get: jest.fn() } as unknown as PolicyRegistry;
    const options = jest.fn((env: { timeout: number }) => ({ timeoutMs: env.timeout }));

    const provider = providePolicy('library', options as never, ['ENV']);
    provider.useFactory(registry, { timeout: 42 });

    expect(provider.inject).toEqual([PolicyRegistry, 'ENV']);
    expect(options).toHaveBeenCalledWith({ timeout: 42 });
    expect(registry.get).toHaveBeenCalledWith('library', { timeoutMs: 42 });
  });
});
