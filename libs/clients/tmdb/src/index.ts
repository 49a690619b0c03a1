export * from './tmdb.types';
export * from './tmdb.constants';
export * from './tmdb.client';
export * from './tmdb-client.module';
