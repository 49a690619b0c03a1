import type { HttpMethod, Route, RouteHandler } from './emulator.types';

export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Readonly<Record<string, string>> }
  | { kind: 'wrong-method'; allow: string };

type Segment = string | { param: string };

interface PatternRoute {
  method: HttpMethod;
  segments: readonly Segment[];
  handler: RouteHandler;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Method + path router compiled once at start-up. Literal paths are a map lookup; `:param` paths are
 * compared segment by segment against routes with the same segment count, in declaration order.
 */
export class Router {
  private readonly exact = new Map<string, Map<string, RouteMatch>>();
  private readonly patterns = new Map<number, PatternRoute[]>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      if (!route.path.startsWith('/')) throw new Error(`Route path must start with '/': ${route.path}`);
      const parts = route.path.split('/');
      if (!parts.some((part) => part.startsWith(':'))) {
        const byMethod = this.exact.get(route.path) ?? new Map<string, RouteMatch>();
        byMethod.set(route.method, { kind: 'found', handler: route.handler, params: NO_PARAMS });
        this.exact.set(route.path, byMethod);
        continue;
      }
      const segments = parts.map((part): Segment => (part.startsWith(':') ? { param: part.slice(1) } : part));
      const sameLength = this.patterns.get(segments.length) ?? [];
      sameLength.push({ method: route.method, segments, handler: route.handler });
      this.patterns.set(segments.length, sameLength);
    }
  }

  /** `null` when no route has this path. */
  match(method: string, path: string): RouteMatch | null {
    const byMethod = this.exact.get(path);
    if (byMethod !== undefined) {
      return byMethod.get(method) ?? { kind: 'wrong-method', allow: [...byMethod.keys()].join(', ') };
    }
    const parts = path.split('/');
    const candidates = this.patterns.get(parts.length);
    if (candidates === undefined) return null;
    let allow: string[] | null = null;
    for (const route of candidates) {
      const params = matchSegments(route.segments, parts);
      if (params === null) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params };
      (allow ??= []).push(route.method);
    }
    return allow === null ? null : { kind: 'wrong-method', allow: allow.join(', ') };
  }
}

function matchSegments(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | null {
  let params: Record<string, string> | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (typeof segment === 'string') {
      if (segment !== part) return null;
      continue;
    }
    if (part === '') return null;
    const value = decodeSegment(part);
    if (value === null) return null;
    (params ??= {})[segment.param] = value;
  }
  return params ?? {};
}

function decodeSegment(part: string): string | null {
  if (!part.includes('%')) return part;
  try {
    return decodeURIComponent(part);
  } catch {
    return null; // malformed percent-encoding matches nothing, so it ends as a 404
  }
}
