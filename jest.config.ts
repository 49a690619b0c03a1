import { getJestProjectsAsync } from '@nx/jest';

// `npx jest` at the root runs every project's suite; `npm test` runs them per project through Nx.
export default async () => ({ projects: await getJestProjectsAsync() });
