export * from './prowlarr-release-gone.error';
export * from './prowlarr-indexers-unavailable.error';
