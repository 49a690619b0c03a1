export * from './library.schemas';
export * from './library.constants';
export * from './library.client';
export * from './library-client.module';
