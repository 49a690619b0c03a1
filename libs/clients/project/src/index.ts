export * from './project.schemas';
export * from './project.constants';
export * from './project.client';
export * from './project-client.module';
