export * from './chat.types';
export * from './chat.constants';
export { parseMessagesPage } from './chat.mapper';
export * from './chat.client';
export * from './chat.health';
export * from './chat-client.module';
