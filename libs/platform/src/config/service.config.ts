import type { PlatformModuleOptions } from '../platform-options.interface';

/** The version a service reports (status, Swagger): its option, else SERVICE_VERSION, else npm's. */
export function serviceVersion(
  options: Pick<PlatformModuleOptions, 'version'>,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return options.version ?? env['SERVICE_VERSION'] ?? env['npm_package_version'] ?? '0.0.0';
}
