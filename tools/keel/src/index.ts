export { downstreamGenerator } from './downstream/downstream.generator';
export type { DownstreamGeneratorSchema } from './downstream/downstream.schema';
