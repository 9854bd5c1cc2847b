/**
 * npm run staff:leak-check -- [public build folder]
 *
 * Searches every file of a public build (default: $OUT_DIR or dist/) for
 * every staff-only text and number in content/staff/ ($CONTENT_DIR/staff).
 * Prints what it searched; exits 1 on any hit. Run it after `npm run build`
 * and before publishing. The end-to-end test tests/e2e/staff-build.spec.ts
 * does the same on fresh builds of both sites.
 */
import { existsSync, readdirSync } from 'node:fs';
import { checkBuildForStaffLeaks, describeLeakReport } from '../src/data/leak-check';
import { config } from '../src/config';

const folder = process.argv[2] ?? config.outDir;
const contentRoot = config.contentDir;

if (!existsSync(folder) || readdirSync(folder).length === 0) {
  console.error(`No build in ${folder}; run "npm run build" first (or pass the build folder).`);
  process.exit(2);
}
const report = checkBuildForStaffLeaks(folder, contentRoot);
console.log(describeLeakReport(report, folder));
process.exit(report.hits.length === 0 ? 0 : 1);
