export * from './user.types';
export * from './user.constants';
export * from './user.client';
export * from './user.health';
export * from './user-client.module';
