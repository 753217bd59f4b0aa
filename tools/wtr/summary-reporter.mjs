// A wtr reporter that counts tests of one run. It prints a per-browser line (deliberately NOT in the
// "wtr: N passed, N failed" form, which tools/wtr/run.mjs prints once for all browsers) and, when
// WTR_SUMMARY_FILE is set, writes {passed, failed, skipped} there for the runner to sum up.
// Sessions that failed without test results (a browser that did not start, a file that did not load)
// count as failures.
import { writeFileSync } from 'node:fs';

/** @returns {import('@web/test-runner').Reporter} */
export function summaryReporter() {
  return {
    stop({ sessions }) {
      let passed = 0, failed = 0, skipped = 0;
      const walk = (suite) => {
        if (!suite) return;
        for (const t of suite.tests) t.skipped ? skipped++ : t.passed ? passed++ : failed++;
        for (const s of suite.suites) walk(s);
      };
      for (const s of sessions) {
        walk(s.testResults);
        if (!s.passed && s.errors?.length) failed += s.errors.length;
      }
      const browsers = [...new Set(sessions.map((s) => s.browser?.name ?? '?'))].join(', ');
      const file = process.env.WTR_SUMMARY_FILE;
      if (file) writeFileSync(file, JSON.stringify({ passed, failed, skipped }));
      process.once('exit', () =>
        process.stdout.write(`[${browsers}] ${passed} passed · ${failed} failed${skipped ? ` · ${skipped} skipped` : ''}\n`),
      );
    },
  };
}
