export * from './user.schemas';
export * from './user.constants';
export * from './user.client';
export * from './user-client.module';
