export * from './project.types';
export * from './project.constants';
export * from './project.client';
export * from './project.health';
export * from './project-client.module';
