import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, measureBuild, overBudget, readBudgets } from '../../src/data/budget-report';
import { outDir } from '../support/built-site';

/** The size budgets of budgets.json, on the build under test; the figures are printed so growth is seen. */
describe('size budgets', () => {
  const report = measureBuild(outDir);
  console.log(formatReport(report));

  it('measures every page type a traveller meets', () => {
    const types = report.pageTypes.map((figures) => figures.type);
    for (const type of ['home', 'country', 'station', 'help', 'info', 'services', 'offline']) expect(types).toContain(type);
    expect(report.serviceWorker?.entries).toBeGreaterThan(10);
  });

  it('stays within budgets.json', () => {
    expect(overBudget(report, readBudgets(fileURLToPath(new URL('../..', import.meta.url))))).toEqual([]);
  });

  it('has no render-blocking request besides same-origin CSS', () => {
    expect(report.renderBlocking.filter((item) => !(item.startsWith('/') && item.split('?')[0]?.endsWith('.css')))).toEqual([]);
  });
});
