/** Prints the size report of a build and fails when a budget in budgets.json is exceeded. Run after `astro build`. */
import { fileURLToPath } from 'node:url';
import { formatReport, measureBuild, overBudget, readBudgets } from '../src/data/budget-report';
import { config } from '../src/config';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const built = config.outDir;
const report = measureBuild(built);
console.log(formatReport(report));
const problems = overBudget(report, readBudgets(repoRoot));
if (problems.length > 0) {
  console.error(`Over budget:\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('  all budgets met (budgets.json)');
