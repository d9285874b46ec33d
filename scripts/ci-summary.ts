// Prints the one closing line CI reads, "N passed, N failed", from Vitest's JSON report, which holds
// every suite of `npm test` (unit, sql, e2e). Exits non-zero when the report is missing or has failures.
import { readFileSync } from 'node:fs';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

const file = process.argv[2] ?? 'test-results/vitest.json';
let report: VitestReport;
try {
  report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
} catch {
  console.log(`No test report at ${file}: the tests did not run.`);
  process.exit(1);
}
// A test file that fails without a failing test (it did not load, or a hook threw) counts as one
// failure; Vitest's numFailedTestSuites would also count every describe block around a failed test.
const brokenFiles = report.testResults.filter(
  (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
).length;
const failed = report.numFailedTests + brokenFiles;
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
