/**
 * npm run audit:prod — the dependency gate of the quality checks: fails when
 * `npm audit --omit=dev` reports a high or critical advisory in what the site
 * ships. Where the registry's advisory service cannot be reached (some
 * mirrors refuse it), it says so in one line and does not pretend to have
 * checked: the result is "not checked", not "no issues".
 */
import { spawnSync } from 'node:child_process';

interface AuditReport {
  statusCode?: number;
  message?: string;
  error?: { code?: string; summary?: string };
  metadata?: {
    vulnerabilities?: Record<'info' | 'low' | 'moderate' | 'high' | 'critical' | 'total', number>;
  };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
}

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report: AuditReport;
try {
  report = JSON.parse(run.stdout) as AuditReport;
} catch {
  console.error(
    `npm audit printed no report (exit ${run.status}): ${run.stderr.trim().split('\n').at(-1) ?? ''}`,
  );
  process.exit(1);
}

const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const reason = report.message ?? report.error?.summary ?? 'no advisory data';
  console.log(
    `npm audit: NOT CHECKED, the advisory service could not be reached (${reason}). Run "npm run audit:prod" where the npm registry's audit endpoint is available.`,
  );
  process.exit(0);
}

console.log(
  `npm audit (production dependencies): ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low`,
);
const serious = Object.entries(report.vulnerabilities ?? {}).filter(
  ([, v]) => v.severity === 'high' || v.severity === 'critical',
);
if (serious.length > 0) {
  for (const [name, v] of serious) console.error(`  ✗ ${name}: ${v.severity}`);
  console.error(
    'Fix: update the package (npm update <name>, or a newer version in package.json), then npm install.',
  );
  process.exit(1);
}
