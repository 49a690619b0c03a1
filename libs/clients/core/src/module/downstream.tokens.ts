import { Inject } from '@nestjs/common';

export const getHttpClientToken = (name: string): string => `KEEL:HTTP_CLIENT:${name}`;

/** Injects the ResilientHttpClient of downstream `name` (registered with `DownstreamModule.register`). */
export const InjectHttpClient = (name: string): ParameterDecorator => Inject(getHttpClientToken(name));

export const getDownstreamHealthToken = (name: string): string => `KEEL:DOWNSTREAM_HEALTH:${name}`;

/** Injects the DownstreamHealth of downstream `name`. */
export const InjectDownstreamHealth = (name: string): ParameterDecorator => Inject(getDownstreamHealthToken(name));

/**
 * The entry for `PlatformModule.forRoot({ downstreams: [downstreamHealth('library')] })`: the
 * downstream's health indicator by its token, reported under its name.
 */
export const downstreamHealth = (name: string): { key: string; indicator: string } => ({
  key: name,
  indicator: getDownstreamHealthToken(name),
});
