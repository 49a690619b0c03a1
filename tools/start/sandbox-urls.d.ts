export const SANDBOX_PORTS: Record<string, number>;

export function sandboxUrls(downstreams: string[], env?: Record<string, string | undefined>): Record<string, string>;
