import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT, filesUnder } from './source-files';

// Issue 9: every service and lib has unit specs for its services. A service's unit spec sits next to
// it (`x.service.ts` → `x.service.spec.ts`), so one missing is a file missing. Fixtures and test
// support (test-fixtures/, testing/, test/) are test code themselves, not services under test.
const TEST_SUPPORT = new Set(['test-fixtures', 'testing', 'test']);

const services = filesUnder(join(ROOT, 'apps'))
  .concat(filesUnder(join(ROOT, 'libs')))
  .filter((file) => file.endsWith('.service.ts'))
  .map((file) => relative(ROOT, file))
  .filter((file) => !file.split(sep).some((part) => TEST_SUPPORT.has(part)));

describe('service specs: every *.service.ts under apps/ and libs/ has a sibling *.service.spec.ts', () => {
  it('finds the services', () => {
    expect(services.length).toBeGreaterThan(20);
  });

  it('has no service without its unit spec', () => {
    // Act
    const missing = services.filter((file) => !existsSync(join(ROOT, file.replace(/\.ts$/, '.spec.ts'))));

    // Assert: the failure lists each file that lacks one.
    expect(missing).toEqual([]);
  });
});
