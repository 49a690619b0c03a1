import { SANDBOX_PORTS, type SandboxEmulatorName, type SandboxOptions } from '@keel/sandbox';

const DEFAULT_HOST = '127.0.0.1';

/**
 * Reads `SANDBOX_HOST`, `SANDBOX_<NAME>_PORT` (e.g. `SANDBOX_LIBRARY_PORT`) and
 * `SANDBOX_<NAME>_MORE_PORTS` (a comma list: more instances of that emulator, each with its own
 * faults). Throws an error that names the bad variable, so a typo fails the start instead of
 * binding somewhere unexpected.
 */
export function readSandboxEnv(env: NodeJS.ProcessEnv = process.env): SandboxOptions {
  const options: SandboxOptions = { host: env['SANDBOX_HOST'] || DEFAULT_HOST };
  for (const name of Object.keys(SANDBOX_PORTS) as SandboxEmulatorName[]) {
    const variable = `SANDBOX_${envName(name)}_PORT`;
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new Error(`${variable} must be a port number from 0 to 65535, got '${raw}'`);
    }
    options[name] = port;
  }
  for (const name of Object.keys(SANDBOX_PORTS) as SandboxEmulatorName[]) {
    const variable = `SANDBOX_${envName(name)}_MORE_PORTS`;
    const raw = env[variable];
    if (raw === undefined || raw.trim() === '') continue;
    const ports = raw.split(',').map((part) => Number(part.trim()));
    if (ports.some((port) => !Number.isInteger(port) || port < 1 || port > 65_535)) {
      throw new Error(`${variable} must be a comma list of port numbers from 1 to 65535, got '${raw}'`);
    }
    options.moreInstances = { ...options.moreInstances, [name]: ports };
  }
  return options;
}

/** `air-quality` → `AIR_QUALITY`, as the clients' `<NAME>_SERVICE_*` variables spell a name. */
function envName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
