/** A `<NAME>_SERVICE_*` variable is malformed; thrown at start-up so the service never half-runs. */
export class InvalidServiceConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly value: string,
    expected: string,
  ) {
    super(`${variable}=${JSON.stringify(value)} is invalid: expected ${expected}`);
    this.name = 'InvalidServiceConfigError';
  }
}
