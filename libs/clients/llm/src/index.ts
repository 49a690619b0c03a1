export * from './llm.types';
export * from './llm.constants';
export { resolveLlmSettings } from './llm.settings';
export { parseCompletion, toWireRequest } from './llm.mapper';
export * from './llm.client';
export * from './llm.health';
export * from './llm-client.module';
