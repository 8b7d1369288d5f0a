// Renders the app icon (public/icons/favicon.svg) to the PNG sizes the web manifest needs, with the system
// Chromium. Run by hand when the icon changes: node scripts/generate-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.js';

const svg = readFileSync(new URL('../public/icons/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();
async function render(size, padding, file) {
  await page.setViewportSize({ width: size, height: size });
  const inner = size - 2 * padding;
  await page.setContent(
    `<body style="margin:0;background:#1d3a6e;display:grid;place-items:center;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg', `<svg width="${inner}" height="${inner}"`)}</div></body>`,
  );
  writeFileSync(new URL(`../public/icons/${file}`, import.meta.url), await page.screenshot({ type: 'png' }));
}
await render(192, 0, 'icon-192.png');
await render(512, 0, 'icon-512.png');
// Maskable icons keep their content inside the central 80 % safe zone.
await render(512, 64, 'icon-maskable-512.png');
await browser.close();
