export * from './library.types';
export * from './library.constants';
export * from './library.client';
export * from './library.health';
export * from './library-client.module';
