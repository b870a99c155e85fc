// The CSV import page in Chromium, as a French-speaking community manager uses
// it: pasting a file with an unknown channel and an over-long text shows each
// problem on its line and keeps the import button disabled; the corrected file
// shows every line ready, and "Import 2 posts" plans them at their Paris times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startMastodonReplay } from '../peers/mastodon/replay-server.ts';
import { onCleanup } from '../support/cleanup.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';
import { setUpAdminAndWorkspace, startTestRelais, strongPassword } from '../support/relais.ts';
import type { PostView } from '../../src/shared/publishing.ts';

const journey = 'csv-import';

test('the import page reports problems by line, then imports the corrected file (sqlite)', async () => {
  const mastodon = await startMastodonReplay();
  onCleanup(() => mastodon.close());
  mastodon.createAccount('maisondupont', { displayName: 'Maison Dupont' });
  const relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  // Connect the replay instance's account the way the browser would (OAuth 2 + PKCE).
  const started = await admin.post<{ authorizeUrl: string }>(`/api/workspaces/${workspaceId}/channels/oauth`, { network: 'mastodon', serverUrl: mastodon.origin });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const callback = (await fetch(started.body.authorizeUrl, { redirect: 'manual' })).headers.get('location')!;
  await admin.request('GET', callback.slice(relais.baseUrl.length));
  const channels = await admin.get<{ channels: Array<{ handle: string }> }>(`/api/workspaces/${workspaceId}/channels`);
  const handle = channels.body.channels[0].handle;
  assert.equal((await admin.patch('/api/me', { locale: 'fr' })).status, 200);

  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 1000 }, baseURL: relais.baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);
  await page.goto('/login');
  await page.locator('input[type="email"]').fill('ada@example.com');
  await page.locator('input[type="password"]').fill(strongPassword);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}/`));
  await page.getByTestId('nav-import').click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}/import$`));

  const bad = ['date_heure;canaux;texte', `29/03/2031 09:00;@${handle};Les chemises en lin sont arrivées.`, '29/03/2031 18:00;@inconnu.example;Atelier réparation samedi.', `30/03/2031 12:00;@${handle};${'Trop long. '.repeat(50)}`].join('\n');
  await page.getByTestId('csv-text').fill(bad);
  await page.getByTestId('csv-check').click();
  await page.getByTestId('csv-report-problems').waitFor();
  const problemLines = await page.locator('[data-testid="csv-row"]:has([data-testid="csv-problem"])').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-line')));
  assert.deepEqual(problemLines, ['3', '4']);
  assert.match(await page.locator('[data-testid="csv-row"][data-line="3"]').innerText(), /n’est pas un canal de cet espace de travail/);
  assert.match(await page.locator('[data-testid="csv-row"][data-line="4"]').innerText(), /le texte fait \d+ caractères ; \d+ au maximum/);
  assert.equal(await page.getByTestId('csv-import').isDisabled(), true, 'nothing can be imported while a line is wrong');
  await screenshot(page, journey, '1-problems-by-line');

  const good = ['date_heure;canaux;texte', `29/03/2031 09:00;@${handle};Les chemises en lin sont arrivées.`, `29/03/2031 18:00;@${handle};"Atelier réparation samedi ;\nvenez avec votre jean."`].join('\n');
  await page.getByTestId('csv-text').fill(good);
  assert.equal(await page.getByTestId('csv-import').isDisabled(), true, 'a changed text must be checked again');
  await page.getByTestId('csv-check').click();
  await page.getByTestId('csv-report-clean').waitFor();
  const importButton = page.getByTestId('csv-import');
  assert.equal(await importButton.isDisabled(), false);
  assert.match(await importButton.innerText(), /Importer 2 publications/);
  await screenshot(page, journey, '2-clean-report');
  await importButton.click();
  await page.getByTestId('csv-imported').waitFor();
  await screenshot(page, journey, '3-imported');

  const posts = await admin.get<{ posts: PostView[] }>(`/api/workspaces/${workspaceId}/posts`);
  assert.deepEqual(posts.body.posts.map((p) => [p.source, p.targets[0].scheduledAt]).sort(), [
    // Saturday 29 March 2031, the day before the change to summer time: Paris is UTC+1.
    ['csv', '2031-03-29T08:00:00.000Z'],
    ['csv', '2031-03-29T17:00:00.000Z'],
  ]);
  assert.deepEqual(errors, []);
});
