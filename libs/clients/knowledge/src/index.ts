export * from './knowledge.schemas';
export * from './knowledge.constants';
export * from './knowledge.client';
export * from './knowledge-client.module';
