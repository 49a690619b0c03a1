/** The project service's own API (apps/project, `/api/v1/projects`), as its callers see it. */
export type ProjectAccess = 'owner' | 'admin' | 'member';

export interface Project {
  id: string;
  name: string;
  description: string | null;
  ownerId: string;
  /** How the calling user relates to the project. */
  access: ProjectAccess;
  createdAt: string;
  updatedAt: string;
}

export interface NewProject {
  name: string;
  description?: string;
}

export interface ProjectMember {
  projectId: string;
  userId: string;
  role: 'owner' | 'member';
  addedAt: string;
}

export interface ProjectComment {
  id: string;
  projectId: string;
  authorId: string;
  body: string;
  createdAt: string;
}

export interface LinkedResource {
  resourceId: string;
  title: string;
  linkedAt: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null on the last one. */
  nextCursor: string | null;
}

/** `degraded: true` when the project service could not reach the knowledge service and shows cached titles. */
export interface LinkedResourcePage extends Page<LinkedResource> {
  degraded: boolean;
}
