// UI: a workspace without a backlog shows what Rudder is and a "Create Backlog" button that works.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, readTreeRows, viewPane, widenSidebar } from './workbench.mjs';

describe('UI: creating a backlog from the welcome view', function () {
  this.timeout(120_000);
  let wb;
  before(async () => {
    wb = await openWorkbench({ source: 'test/fixtures/no-backlog' });
  });
  after(async () => {
    await wb?.close();
  });

  it('shows the welcome content, then creates a backlog with one click', async () => {
    const page = wb.page;
    const icon = page.locator('.part.activitybar .action-item a[aria-label^="Rudder"]');
    await icon.waitFor({ timeout: 60_000 });
    await icon.click();
    const button = viewPane(page, 'Backlog').locator('.welcome-view-content .monaco-button', { hasText: 'Create Backlog' });
    await button.waitFor({ timeout: 30_000 });
    await widenSidebar(page, 460);
    await wb.shot('20-welcome-no-backlog');
    await button.click();
    await viewPane(page, 'Backlog').locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
    assert.deepEqual(await readTreeRows(page), [{ title: 'Write the first story', id: 'S-1' }]);
    for (const f of ['.rudder.yml', 'backlog/vision.md', 'backlog/milestones/m1.md', 'backlog/stories/s-1.md']) assert.ok(existsSync(join(wb.folder, f)), `${f} created`);
    await page.locator('.tabs-container .tab.active', { hasText: 's-1.md' }).waitFor();
    await wb.shot('21-backlog-created');
  });
});
