// The Feeds page in Chromium: a feed added from its address with a live preview
// of its newest item (shortened to Bluesky's length, the link whole), its
// latest item posted as a draft at once, a new item posted by "Check now",
// and the items the feed has seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBlueskyNetwork } from '../support/bluesky.ts';
import { setUpAdminAndWorkspace, startTestRelais, strongPassword } from '../support/relais.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';
import { connectBluesky } from '../support/publishing.ts';
import { startTestServer } from '../../src/server/net/test-http-server.ts';
import type { PostView } from '../../src/shared/publishing.ts';

const journey = 'feeds';

function rss(items: Array<{ guid: string; title: string; link: string; description: string; categories: string[]; date: Date }>): string {
  const entries = items.map(
    (item) =>
      `<item><title>${item.title}</title><link>${item.link}</link><guid isPermaLink="false">${item.guid}</guid><description><![CDATA[${item.description}]]></description>${item.categories.map((c) => `<category>${c}</category>`).join('')}<pubDate>${item.date.toUTCString()}</pubDate></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Le journal de l’atelier</title><link>https://atelier.example.com/</link>${entries.join('')}</channel></rss>`;
}

test('a feed is added with a live preview, its latest item becomes a draft, and "Check now" posts the next one', async () => {
  const network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }] });
  const relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  await connectBluesky(admin, workspaceId, network, 'brand.test');

  const older = { guid: 'a-1', title: 'Portes ouvertes samedi', link: 'https://atelier.example.com/portes-ouvertes', description: '<p>Venez nous voir.</p>', categories: ['Événements'], date: new Date(Date.now() - 86_400_000 * 2) };
  const latest = {
    guid: 'a-2',
    title: 'Le lin normand, de la graine au tissu',
    link: 'https://atelier.example.com/2027/lin-normand',
    description: `<p>${'Semé en mars, arraché en juillet, roui au champ puis teillé : nous avons suivi <b>une saison entière</b> avec les liniculteurs du pays de Caux. '.repeat(3)}</p>`,
    categories: ['Made in France', 'Artisanat'],
    date: new Date(Date.now() - 3_600_000),
  };
  let body = rss([latest, older]);
  let failing = false;
  const server = await startTestServer((_request, response) => {
    if (failing) response.writeHead(500).end();
    else response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  });

  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, baseURL: relais.baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);
  await page.goto('/login');
  await page.getByLabel('Email address').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill(strongPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/w\/[^/]+\//);

  await page.getByTestId('nav-feeds').click();
  await page.waitForURL(/\/feeds$/);
  await page.getByText('No feeds yet').waitFor();
  await page.getByTestId('feed-add').first().click();
  await page.getByTestId('feed-url').fill(`${server.origin}/feed.xml`);
  await page.getByTestId('feed-read').click();
  await page.getByTestId('feed-found').getByText('“Le journal de l’atelier”: 2 items in the feed.').waitFor();
  await screenshot(page, journey, '0-feed-read');
  await page.getByTestId('composer-channel-brand.test').click();
  await page.getByTestId('feed-template').fill('{{title}}\n{{summary}}\n{{link}} {{categories}}');
  const previewText = page.getByTestId('feed-preview-text').first();
  await previewText.getByText(latest.link, { exact: false }).waitFor();
  const shown = await previewText.innerText();
  assert.ok(shown.startsWith(`${latest.title}\nSemé en mars`), shown);
  assert.ok(shown.endsWith(`${latest.link} #MadeInFrance #Artisanat`), shown);
  assert.match(shown, /…\n/, 'the summary is shortened');
  assert.ok([...new Intl.Segmenter().segment(shown)].length <= 300);
  await page.getByTestId('feed-preview').getByText('Shortened to fit this network.').waitFor();
  await page.getByTestId('feed-post-latest').check();
  await screenshot(page, journey, '1-add-feed');

  await page.getByRole('button', { name: 'Add the feed' }).click();
  const row = page.getByTestId('feed-row');
  await row.waitFor();
  await row.getByText('Le journal de l’atelier').waitFor();
  assert.equal(await row.getByTestId('feed-posted').innerText(), '1');
  const drafts = async () => (await admin.get<{ posts: PostView[] }>(`/api/workspaces/${workspaceId}/posts?state=draft`)).body.posts.filter((p) => p.source === 'rss');
  assert.deepEqual((await drafts()).map((p) => p.content.text), [shown], 'the draft has the previewed text');

  // A new article, then "Check now".
  body = rss([{ guid: 'a-3', title: 'Nouvel atelier de teinture', link: 'https://atelier.example.com/teinture', description: '<p>Indigo et garance.</p>', categories: [], date: new Date() }, latest, older]);
  await row.getByTestId('feed-check').click();
  await page.getByText('1 post created from the feed.').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="feed-posted"]')?.textContent === '2');
  assert.ok((await drafts()).some((p) => p.content.text === 'Nouvel atelier de teinture\nIndigo et garance.\nhttps://atelier.example.com/teinture'));
  await screenshot(page, journey, '2-feeds-list');

  await row.getByTestId('feed-items').click();
  const drawer = page.getByTestId('feed-items-drawer');
  await drawer.getByTestId('feed-item').nth(2).waitFor();
  const statuses = await drawer.locator('[data-testid="feed-item"] .mantine-Badge-label').allInnerTexts();
  assert.deepEqual(statuses.map((s) => s.toLowerCase()), ['post created', 'post created', 'already there']);
  await screenshot(page, journey, '3-feed-items');
  await drawer.getByRole('button', { name: 'Close' }).click();

  // The site breaks: the row says why, and the next check waits longer.
  failing = true;
  await row.getByTestId('feed-check').click();
  await row.getByTestId('feed-error').getByText(/answered with an error \(HTTP 500\)/).waitFor();
  await screenshot(page, journey, '4-feed-error');
  assert.deepEqual(errors, []);
});
