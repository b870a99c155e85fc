// The media library in Chromium: files dropped on the page are uploaded, their
// thumbnails appear, and a description (alt text) is written for one of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { startTestRelais, setUpAdminAndWorkspace } from '../support/relais.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';
import { phonePhotoWithGps } from '../support/media-files.ts';
import type { MediaPage } from '../../src/shared/api-types.ts';

const journey = 'media';

/** A small poster: sky, sun and sea, drawn as SVG and rendered to PNG. */
async function poster(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ff9a62"/><stop offset="1" stop-color="#ffd89b"/></linearGradient></defs>
    <rect width="960" height="640" fill="url(#sky)"/><circle cx="640" cy="300" r="110" fill="#fff3c4"/>
    <rect y="400" width="960" height="240" fill="#2b6cb0"/><text x="60" y="120" font-size="72" font-family="sans-serif" fill="#7a2e0e">Soldes d'été</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

test('a writer drops photos on the media library, sees their thumbnails and describes one', async () => {
  const relais = await startTestRelais('sqlite');
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 }, baseURL: relais.baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);
  await page.goto('/login');
  await page.getByLabel('Email address').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill('Velvet-harbour-93-lantern');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}/`));

  await page.getByTestId('nav-media').click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}/media$`));
  await page.getByTestId('empty-state').waitFor();
  await screenshot(page, journey, '01-empty-library');

  // Drag and drop, as from the desktop: a drop event carrying two files.
  const files = [
    { name: 'soldes-ete.png', type: 'image/png', base64: (await poster()).toString('base64') },
    { name: 'IMG_2041.jpg', type: 'image/jpeg', base64: (await phonePhotoWithGps()).toString('base64') },
  ];
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    return transfer;
  }, files);
  const dropzone = page.getByTestId('media-dropzone');
  await dropzone.dispatchEvent('dragenter', { dataTransfer });
  await dropzone.dispatchEvent('drop', { dataTransfer });

  const tile = (name: string) => page.locator(`[data-testid="media-tile"][data-file-name="${name}"]`);
  for (const { name } of files) {
    await tile(name).waitFor();
    const thumbnail = tile(name).getByTestId('media-thumbnail');
    await page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0, await thumbnail.elementHandle());
  }
  assert.equal(await tile('IMG_2041.jpg').getByTestId('media-needs-alt').count(), 1, 'flagged as needing a description');
  await page.getByText('2 files added to the library.').waitFor();
  await screenshot(page, journey, '02-uploaded');

  // Describe the poster.
  await tile('soldes-ete.png').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('media-alt-text').fill('Affiche des soldes d’été : un soleil couchant sur la mer');
  await screenshot(page, journey, '03-alt-text');
  await dialog.getByTestId('media-save').click();
  await page.getByText('Changes saved.').waitFor();
  await dialog.waitFor({ state: 'hidden' });
  await tile('soldes-ete.png').getByTestId('media-needs-alt').waitFor({ state: 'detached' });

  const stored = await admin.get<MediaPage>(`/api/workspaces/${workspaceId}/media?search=soleil`);
  assert.deepEqual(stored.body.media.map((m) => [m.fileName, m.altText]), [['soldes-ete.png', 'Affiche des soldes d’été : un soleil couchant sur la mer']]);

  // Search narrows the grid.
  await page.getByTestId('media-search').fill('img_');
  await tile('soldes-ete.png').waitFor({ state: 'detached' });
  await tile('IMG_2041.jpg').waitFor();
  assert.equal(await page.getByTestId('media-tile').count(), 1);
  await screenshot(page, journey, '04-search');
  assert.deepEqual(errors, []);
});
