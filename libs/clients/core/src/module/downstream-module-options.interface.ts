import type { HttpClientOptions } from '../http/http-call.types';
import type { DownstreamConfig } from '../registry/downstream-config.schema';
import type { ServiceConfigDefaults } from '../registry/service.config';

export interface DownstreamModuleOptions extends HttpClientOptions {
  /** The client's own defaults, used where neither `config` nor `<NAME>_SERVICE_*` sets a value. */
  defaults?: ServiceConfigDefaults;
  /** Configuration in code, checked by `downstreamConfigSchema`; wins over `<NAME>_SERVICE_*`. */
  config?: DownstreamConfig;
  /** Probe statuses below this count as alive (default 400; 500 for a downstream whose health path wants auth). */
  aliveBelow?: number;
}
