export * from './downstream.error';
export * from './circuit-open.error';
export * from './rate-limited.error';
export * from './timeout.error';
export * from './unavailable.error';
export * from './rejected.error';
export * from './contract.error';
