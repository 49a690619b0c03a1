export * from './errors';
export * from './registry/duration';
export * from './registry/service.config';
export * from './registry/service-config.error';
export { downstreamConfigSchema, type DownstreamConfig } from './registry/downstream-config.schema';
export * from './module/downstream.module';
export { DownstreamConfigModule } from './module/downstream-config.module';
export type { DownstreamConfigEntry, DownstreamConfigs } from './module/downstream-config.module-definition';
export { downstreamApiKeyProvider, downstreamSettingsProvider } from './module/downstream-settings.provider';
export type { DownstreamSettingsOptions } from './module/downstream-settings.provider';
export * from './module/downstream.tokens';
export type { DownstreamModuleOptions } from './module/downstream-module-options.interface';
export {
  textAnswer,
  bytesAnswer,
  wholeAnswer,
  readAnswer,
  type Answers,
  type Answered,
  type AnswerBody,
  type AnswerSpec,
  type TextAnswer,
  type TextSchema,
  type BytesAnswer,
  type WholeAnswer,
} from './http/answers';
export { absentIfInvalid, tolerantList } from './schemas/lenient.schemas';
export * from './http/resilient-http-client';
export * from './http/http-call.types';
export { httpFailureClassifier, isNetworkError } from './http/downstream-failures';
export { parseRetryAfter } from './http/answers';
export { UndiciAdapter } from './http/undici-adapter';
export { CallStats } from './health/call-stats';
export * from './health/downstream.health';
export { Instance, type InstanceSnapshot, type InstanceState } from './balancing/instance';
export { InstanceSet, type OutlierOptions, type AttemptVerdict } from './balancing/instance-set';
export {
  balancerOf,
  peakEwmaTwoChoices,
  powerOfTwoChoices,
  roundRobin,
  randomChoice,
  BALANCER_KINDS,
  type Balancer,
  type BalancerKind,
} from './balancing/balancer';
export { DnsDiscovery, systemResolver, type DnsStatus, type AddressResolver } from './balancing/dns-discovery';
export { BALANCING_METRIC_NAMES } from './balancing/balancing-metrics';
