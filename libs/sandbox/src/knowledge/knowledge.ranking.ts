import type { KnowledgeResourceSeed, KnowledgeSeed } from './knowledge.seed';

export interface RankedResult {
  id: string;
  title: string;
  score: number;
}

/** Lower-case alphanumeric words; everything else separates them. */
export function terms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((term) => term !== '');
}

/**
 * Scores each resource by the share of the query's distinct terms found in its title or tags
 * (0–1, two decimals). Resources without a match are left out; ties go by id.
 */
export function searchResources(resources: readonly KnowledgeResourceSeed[], query: string): RankedResult[] {
  const wanted = [...new Set(terms(query))];
  if (wanted.length === 0) return [];
  return resources
    .map((resource) => {
      const words = new Set([...terms(resource.title), ...resource.tags.flatMap(terms)]);
      const hits = wanted.filter((term) => words.has(term)).length;
      return { id: resource.id, title: resource.title, score: round(hits / wanted.length) };
    })
    .filter((result) => result.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * A seeded project's curated list; any other project id gets every resource, rotated by a hash of
 * the id, so the same id always gets the same answer. Scores fall by 0.1 per rank from 0.95.
 */
export function recommend(seed: KnowledgeSeed, projectId: string): RankedResult[] {
  const byId = new Map(seed.resources.map((resource) => [resource.id, resource]));
  const curated = Object.prototype.hasOwnProperty.call(seed.projects, projectId) ? seed.projects[projectId] : undefined;
  const ids =
    curated ??
    rotate(
      seed.resources.map((resource) => resource.id),
      fnv1a(projectId),
    );
  return ids.flatMap((id, rank) => {
    const resource = byId.get(id);
    return resource === undefined
      ? []
      : [{ id, title: resource.title, score: round(Math.max(0.05, 0.95 - rank * 0.1)) }];
  });
}

function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/** 32-bit FNV-1a: a stable hash, unlike anything seeded by the process. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
