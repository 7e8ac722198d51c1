// Renders media/icon.png (128x128, the Marketplace icon) from media/rudder.svg with chromium.
// Run once after changing the SVG: node test/host/renderIcon.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { repoRoot } from './fixtures.mjs';

const svg = readFileSync(join(repoRoot, 'media', 'rudder.svg'), 'utf8').replace('width="24" height="24"', 'width="96" height="96"');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">
    <div style="width:128px;height:128px;border-radius:24px;background:linear-gradient(160deg,#1d6fa5,#0b3c5d);color:#fff;display:flex;align-items:center;justify-content:center">${svg}</div>
  </body></html>`);
  await page.screenshot({ path: join(repoRoot, 'media', 'icon.png'), omitBackground: true });
  console.log('wrote media/icon.png');
} finally {
  await browser.close();
}
