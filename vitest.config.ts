import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The JSON report lets CI print a plain "N passed, N failed" line.
    // The last reporter names the suites that did not run here, at the very end of the output.
    reporters: ['default', 'json', './test/support/not-run-reporter.ts'],
    outputFile: { json: 'out/vitest-report.json' },
  },
});
