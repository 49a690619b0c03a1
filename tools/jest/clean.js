// Forget the counts of earlier runs so the closing line speaks only of this `npm test`.
require('node:fs').rmSync(require('node:path').join(__dirname, '..', '..', 'tmp', 'test-results'), {
  recursive: true,
  force: true,
});
