export * from './llm.types';
export * from './llm.schemas';
export * from './llm.constants';
export { resolveLlmSettings } from './llm.settings';
export { toWireRequest } from './llm.mapper';
export * from './llm.client';
export * from './llm-client.module';
