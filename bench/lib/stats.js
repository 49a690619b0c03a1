'use strict';
// Summary statistics of the bench parts; non-finite samples (failed calls) are left out.

const round = (x, digits = 2) =>
  x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;
const sorted = (values) => values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);

function median(values) {
  const s = sorted(values);
  if (!s.length) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (with 15 samples, p95 is the largest). */
function percentile(values, p) {
  const s = sorted(values);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : null;
}

module.exports = { round, sorted, median, percentile };
