export interface ServiceOptions {
  /** The service name, as in ARCHITECTURE.md (download, project, ...): logs and Swagger title. */
  name: string;
  /** The default port of `bootstrapService()`; `PORT` wins. createService ignores it. */
  port?: number;
}
