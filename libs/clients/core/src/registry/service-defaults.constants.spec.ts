import { SANDBOX_PORTS } from '@keel/sandbox';
import { SANDBOX_DEFAULT_PORTS } from './service-defaults.constants';

// The clients may not depend on the sandbox outside tests, so its ports are repeated here: keep them equal.
describe('SANDBOX_DEFAULT_PORTS', () => {
  it('points every downstream at its sandbox emulator', () => {
    expect(SANDBOX_DEFAULT_PORTS).toEqual(SANDBOX_PORTS);
  });
});
