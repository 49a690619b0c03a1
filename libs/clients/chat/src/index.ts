export * from './chat.schemas';
export * from './chat.types';
export * from './chat.constants';
export * from './chat.client';
export * from './chat-client.module';
