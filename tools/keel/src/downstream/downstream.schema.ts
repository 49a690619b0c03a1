/** The options of `nx g @keel/tools:downstream` (schema.json). */
export interface DownstreamGeneratorSchema {
  /** kebab-case, e.g. `weather` or `air-quality`. */
  name: string;
  /** The Nx `scope:` tag: the service that calls it, or `shared` (the default) when any may. */
  scope?: 'shared' | 'download' | 'chat' | 'project' | 'media';
  /** The sandbox emulator's fixed port; default one after the highest in SANDBOX_PORTS. */
  port?: number;
}
