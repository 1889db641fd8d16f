/**
 * A vitest reporter that runs after the default one: when any suite was not run for want of a
 * service (test/support/not-run.ts), it says so loudly as the last thing `npm test` prints, with
 * the one command that runs them.
 */

import type { Reporter, TestModule } from 'vitest/node';
import { ENABLE_COMMAND, ENABLE_NEEDS, NOT_RUN_HERE } from './not-run';

export default class NotRunReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const notRun = testModules
      .flatMap((module) => [...module.children.allTests()])
      .filter((test) => test.name.startsWith(NOT_RUN_HERE) && test.result().state === 'skipped');
    if (notRun.length === 0) return;
    const lines = notRun.map((test) => {
      const suite = test.fullName.slice(0, -test.name.length).replace(/ > $/, '');
      return `   - "${suite}": ${test.name.slice(NOT_RUN_HERE.length).trim()}`;
    });
    process.stderr.write(
      `\n⚠️  SKIPPED ${notRun.length === 1 ? '1 suite' : `${notRun.length} suites`}: they need a service this machine does not have.\n` +
        `${lines.join('\n')}\n   Run them with: ${ENABLE_COMMAND}\n   (${ENABLE_NEEDS})\n\n`,
    );
  }
}
