import { z } from 'zod';

/** The project service's own API (apps/project, `/api/v1/projects`), as its callers see it. */
export const ProjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  ownerId: z.string(),
  /** How the calling user relates to the project. */
  access: z.enum(['owner', 'admin', 'member']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof ProjectSchema>;
export type ProjectAccess = Project['access'];

export interface NewProject {
  name: string;
  description?: string;
}

export const ProjectMemberSchema = z.object({
  projectId: z.string(),
  userId: z.string(),
  role: z.enum(['owner', 'member']),
  addedAt: z.string(),
});
export type ProjectMember = z.infer<typeof ProjectMemberSchema>;

export const ProjectCommentSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  authorId: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type ProjectComment = z.infer<typeof ProjectCommentSchema>;

export const LinkedResourceSchema = z.object({ resourceId: z.string(), title: z.string(), linkedAt: z.string() });
export type LinkedResource = z.infer<typeof LinkedResourceSchema>;

/** A page of `item`s; pass `nextCursor` back for the next one (null on the last). */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const ProjectPageSchema = pageSchema(ProjectSchema);
export const CommentPageSchema = pageSchema(ProjectCommentSchema);
/** `degraded: true` when the project service could not reach the knowledge service and shows cached titles. */
export const LinkedResourcePageSchema = pageSchema(LinkedResourceSchema).extend({ degraded: z.boolean() });
export type LinkedResourcePage = z.infer<typeof LinkedResourcePageSchema>;
