export * from './knowledge.types';
export * from './knowledge.constants';
export * from './knowledge.client';
export * from './knowledge.health';
export * from './knowledge-client.module';
