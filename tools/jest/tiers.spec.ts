import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT, filesUnder } from './source-files';

// Each test tier is an Nx target a project declares in its project.json (nx.json targetDefaults says
// how it runs). A target without files fails (Jest finds no tests); this catches the other way round:
// spec files that no target would ever run.
const TIERS = [
  { target: 'test', suffix: '.spec.ts', under: 'src' },
  { target: 'integration', suffix: '.integration-spec.ts', under: 'src' },
  { target: 'e2e', suffix: '.e2e-spec.ts', under: 'test' },
] as const;

const jestProjects = filesUnder(join(ROOT, 'apps'))
  .concat(filesUnder(join(ROOT, 'libs')), filesUnder(join(ROOT, 'tools')), filesUnder(join(ROOT, 'docker')))
  .filter((file) => file.endsWith(`${sep}jest.config.ts`))
  .map((file) => relative(ROOT, join(file, '..')));

// Projects whose jest.config.ts sets its own testMatch (their specs sit next to what they test).
const ownTestMatch = (root: string) => /testMatch:/.test(readFileSync(join(ROOT, root, 'jest.config.ts'), 'utf8'));

describe('test tiers: every spec file is run by a target of its project', () => {
  it('finds the Jest projects', () => {
    expect(jestProjects.length).toBeGreaterThan(10);
  });

  it.each(jestProjects)('%s declares exactly the tiers it has files for, each where its tier looks', (root) => {
    const files = filesUnder(join(ROOT, root)).map((file) => relative(join(ROOT, root), file));
    const targets = Object.keys(JSON.parse(readFileSync(join(ROOT, root, 'project.json'), 'utf8')).targets ?? {});
    for (const tier of TIERS) {
      const ofTier = files.filter(
        (file) =>
          file.endsWith(tier.suffix) && (tier.suffix !== '.spec.ts' || !/[.-](integration|e2e)-spec\.ts$/.test(file)),
      );
      const misplaced = ownTestMatch(root) ? [] : ofTier.filter((file) => !file.startsWith(tier.under + sep));
      expect({ tier: tier.target, misplaced }).toEqual({ tier: tier.target, misplaced: [] });
      expect({ tier: tier.target, declared: targets.includes(tier.target) }).toEqual({
        tier: tier.target,
        declared: ofTier.length > 0,
      });
    }
  });
});
