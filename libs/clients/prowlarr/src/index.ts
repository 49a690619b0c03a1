export * from './prowlarr.types';
export * from './prowlarr.constants';
export * from './prowlarr.client';
export * from './prowlarr-client.module';
export * from './errors';
