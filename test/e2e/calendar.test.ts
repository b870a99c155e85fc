// The publishing calendar in Chromium, with the browser in New York and the
// workspace in Paris, on the days around the March 2027 change to summer time:
// posts planned through the API at 09:00 Paris time show at 09:00 on the right
// day in the month, week and day views; one dragged to another day in the week
// view keeps its Paris hour on the server; a move the server refuses is
// explained and undone; the page reads in French with weeks from Monday; and it
// fits a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startMastodonReplay } from '../peers/mastodon/replay-server.ts';
import { onCleanup } from '../support/cleanup.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';
import { engines } from '../support/engines.ts';
import { setUpAdminAndWorkspace, startTestRelais, strongPassword, type ApiClient, type TestRelais } from '../support/relais.ts';
import type { CalendarEntry, PostView } from '../../src/shared/publishing.ts';

const journey = 'calendar';

/** Connects the replay instance's account `username` as a channel, the way the browser would (OAuth 2 + PKCE). */
async function connectMastodon(relais: TestRelais, admin: ApiClient, workspaceId: string, origin: string): Promise<string> {
  const started = await admin.post<{ authorizeUrl: string }>(`/api/workspaces/${workspaceId}/channels/oauth`, { network: 'mastodon', serverUrl: origin });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const callback = (await fetch(started.body.authorizeUrl, { redirect: 'manual' })).headers.get('location')!;
  const back = await admin.request('GET', callback.slice(relais.baseUrl.length));
  const channelId = new URL(back.headers.get('location')!, relais.baseUrl).searchParams.get('connected');
  assert.ok(channelId, back.headers.get('location') ?? '');
  return channelId;
}

async function createPost(admin: ApiClient, workspaceId: string, text: string, channelIds: string[], schedule: Record<string, unknown>): Promise<PostView> {
  const created = await admin.post<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts`, {
    content: { text },
    channels: channelIds.map((channelId) => ({ channelId })),
    schedule,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.post;
}

const event = (page: Page, targetId: string) => page.locator(`[data-testid="calendar-event"][data-target-id="${targetId}"]`);
const monthCell = (page: Page, date: string) => page.locator(`td.fc-daygrid-day[data-date="${date}"]`);
const timeColumn = (page: Page, date: string) => page.locator(`td.fc-timegrid-col[data-date="${date}"]`);

/** Where the event's box starts compared with the top of a time slot (pixels). */
async function offsetFromSlot(page: Page, targetId: string, time: string): Promise<number> {
  const box = (await event(page, targetId).locator('xpath=ancestor::a[contains(@class,"fc-event")]').boundingBox())!;
  const slot = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).boundingBox())!;
  return Math.abs(box.y - slot.y);
}

/** A pointer drag the way a person does it: press, move past the threshold, glide, release. */
async function dragTo(page: Page, source: Locator, target: { x: number; y: number }): Promise<void> {
  const box = (await source.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + Math.min(8, box.height / 2) };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y, { steps: 4 });
  await page.mouse.move(target.x, target.y === -1 ? start.y : target.y, { steps: 20 });
  await page.mouse.up();
}

async function columnCenterX(page: Page, date: string): Promise<number> {
  const box = (await timeColumn(page, date).boundingBox())!;
  return box.x + box.width / 2;
}

async function view(page: Page, name: string): Promise<void> {
  await page.getByTestId('calendar-views').getByText(name, { exact: true }).click();
}

for (const engine of engines) test(`the calendar shows Paris times on Paris days to a browser in New York, and moves posts there (${engine})`, async () => {
  // Screenshots of one run are enough to look at.
  const shot = (on: Page, name: string) => (engine === 'sqlite' ? screenshot(on, journey, name) : Promise.resolve());
  const mastodon = await startMastodonReplay();
  onCleanup(() => mastodon.close());
  mastodon.createAccount('maisondupont', { displayName: 'Maison Dupont' });
  mastodon.createAccount('atelier', { displayName: 'Atelier Dupont' });
  const relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  const workspace = (await admin.get<{ workspace: { timeZone: string } }>(`/api/workspaces/${workspaceId}`)).body.workspace;
  assert.equal(workspace.timeZone, 'Europe/Paris');

  mastodon.options.authorizeAs = 'maisondupont';
  const shop = await connectMastodon(relais, admin, workspaceId, mastodon.origin);
  mastodon.options.authorizeAs = 'atelier';
  const atelier = await connectMastodon(relais, admin, workspaceId, mastodon.origin);

  // Monday 29 March 2027, the day after Paris moved to summer time: 09:00 there is 07:00 UTC and 03:00 in New York.
  const monday = await createPost(admin, workspaceId, 'Spring collection: the linen shirts are in.', [shop, atelier], { kind: 'at', at: '2027-03-29T09:00' });
  // Saturday 27 March, still winter time: 09:00 in Paris is 08:00 UTC.
  const saturday = await createPost(admin, workspaceId, 'Saturday workshop: repair your jeans with us.', [shop], { kind: 'at', at: '2027-03-27T09:00' });
  // 00:30 on Tuesday 30 March in Paris is still Monday evening in New York.
  const midnight = await createPost(admin, workspaceId, 'Night owls: the online shop opens its spring sale.', [atelier], { kind: 'at', at: '2027-03-30T00:30' });
  const draft = await createPost(admin, workspaceId, 'Idea: a behind-the-scenes video of the workshop.', [shop], { kind: 'draft', at: '2027-03-30T14:00' });
  const thursday = await createPost(admin, workspaceId, 'Thursday: meet the weavers.', [atelier], { kind: 'at', at: '2027-04-01T11:00' });
  const [mondayShop, mondayAtelier] = [shop, atelier].map((id) => monday.targets.find((t) => t.channelId === id)!);
  assert.equal(mondayShop.scheduledAt, '2027-03-29T07:00:00.000Z');
  assert.equal(saturday.targets[0].scheduledAt, '2027-03-27T08:00:00.000Z');
  assert.equal(draft.targets[0].state, 'draft');

  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1360, height: 1000 }, baseURL: relais.baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);
  // The browser really is in New York: a naive calendar would put Monday's post at 03:00.
  assert.deepEqual(await page.evaluate(() => [Intl.DateTimeFormat().resolvedOptions().timeZone, new Date('2027-03-29T07:00:00Z').getHours()]), ['America/New_York', 3]);

  await page.goto('/login');
  await page.getByLabel('Email address').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill(strongPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}/`));
  await page.getByTestId('nav-calendar').click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}/calendar\\?view=month&date=\\d{4}-\\d{2}-\\d{2}`));
  await page.locator('.fc-daygrid-day').first().waitFor();
  assert.match(await page.getByTestId('calendar').getAttribute('data-time-zone') ?? '', /^Europe\/Paris$/);

  // ---- Month view, March 2027 (through the address bar, as a bookmark would) ----
  await page.goto(`/w/${workspaceId}/calendar?view=month&date=2027-03-29`);
  await event(page, mondayShop.id).waitFor();
  assert.match(await page.getByTestId('calendar-title').innerText(), /March 2027/);
  for (const [targetId, day] of [
    [mondayShop.id, '2027-03-29'],
    [mondayAtelier.id, '2027-03-29'],
    [saturday.targets[0].id, '2027-03-27'],
    [midnight.targets[0].id, '2027-03-30'],
    [draft.targets[0].id, '2027-03-30'],
  ] as const) {
    await monthCell(page, day).locator(`[data-target-id="${targetId}"]`).waitFor();
  }
  assert.equal(await monthCell(page, '2027-03-29').getByTestId('calendar-event-time').first().innerText(), '09:00');
  assert.equal(await monthCell(page, '2027-03-27').getByTestId('calendar-event-time').first().innerText(), '09:00');
  assert.equal(await monthCell(page, '2027-03-30').locator(`[data-target-id="${midnight.targets[0].id}"]`).getByTestId('calendar-event-time').innerText(), '00:30');
  // Each channel has its own colour; the legend says which.
  const legend = page.getByTestId('calendar-legend-channel');
  assert.equal(await legend.count(), 2);
  const colors = await legend.evaluateAll((items) => items.map((item) => item.getAttribute('data-color')));
  assert.notEqual(colors[0], colors[1]);
  // Weeks start on Monday (en-GB, as the rest of Relais writes English).
  assert.match(await page.locator('th.fc-col-header-cell').first().innerText(), /Mon/i);
  const csv = new URL((await page.getByTestId('calendar-export').getAttribute('href'))!, relais.baseUrl);
  assert.equal(csv.pathname, `/api/workspaces/${workspaceId}/calendar.csv`);
  // The period shown starts at midnight Paris time on Monday 1 March (23:00 UTC the day before).
  assert.equal(csv.searchParams.get('from'), '2027-02-28T23:00:00.000Z');
  await shot(page, '01-month');

  // ---- Week view ----
  await view(page, 'Week');
  await timeColumn(page, '2027-03-29').locator(`[data-target-id="${mondayShop.id}"]`).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('view'), 'week');
  assert.ok((await offsetFromSlot(page, mondayShop.id, '09:00')) < 3, 'the Monday post starts on the 09:00 line');
  await timeColumn(page, '2027-03-30').locator(`[data-target-id="${midnight.targets[0].id}"]`).waitFor();
  assert.equal(await page.locator('th.fc-col-header-cell').first().getAttribute('data-date'), '2027-03-29');
  await shot(page, '02-week');

  // Drag Monday's shop post to Wednesday, same height: it keeps 09:00 Paris time.
  const patched = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes(`/targets/${mondayShop.id}`));
  await dragTo(page, event(page, mondayShop.id), { x: await columnCenterX(page, '2027-03-31'), y: -1 });
  const patch = await patched;
  assert.equal(patch.status(), 200, await patch.text());
  assert.deepEqual(patch.request().postDataJSON(), { at: '2027-03-31T09:00' });
  await timeColumn(page, '2027-03-31').locator(`[data-target-id="${mondayShop.id}"]`).waitFor();
  await page.getByText('now planned for').waitFor();
  const moved = (await admin.get<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts/${monday.id}`)).body.post;
  assert.equal(moved.targets.find((t) => t.id === mondayShop.id)!.scheduledAt, '2027-03-31T07:00:00.000Z', '09:00 in Paris on Wednesday');
  assert.equal(moved.targets.find((t) => t.id === mondayAtelier.id)!.scheduledAt, '2027-03-29T07:00:00.000Z', 'the other channel’s copy stays');
  assert.ok((await offsetFromSlot(page, mondayShop.id, '09:00')) < 3);
  await shot(page, '03-week-after-drag');

  // ---- Day view ----
  await view(page, 'Day');
  assert.equal(new URL(page.url()).searchParams.get('date'), '2027-03-29');
  await timeColumn(page, '2027-03-29').locator(`[data-target-id="${mondayAtelier.id}"]`).waitFor();
  assert.ok((await offsetFromSlot(page, mondayAtelier.id, '09:00')) < 3);
  assert.equal(await event(page, mondayShop.id).count(), 0, 'the moved copy is on Wednesday now');
  await shot(page, '04-day');

  // ---- List view ----
  await page.goto(`/w/${workspaceId}/calendar?view=list&date=2027-03-29`);
  await event(page, saturday.targets[0].id).waitFor();
  await shot(page, '05-list');

  // ---- Clicks: an event opens its post, a free slot opens the composer at that Paris time ----
  await page.goto(`/w/${workspaceId}/calendar?view=week&date=2027-03-29`);
  await event(page, mondayAtelier.id).click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}/posts/${monday.id}$`));
  await page.goBack();
  await timeColumn(page, '2027-03-31').waitFor();
  const slot = (await page.locator('td.fc-timegrid-slot-lane[data-time="15:00:00"]').boundingBox())!;
  await page.mouse.click(await columnCenterX(page, '2027-04-02'), slot.y + slot.height / 2);
  await page.waitForURL(new RegExp(`/w/${workspaceId}/compose\\?at=2027-04-02T15%3A00$`));
  await page.goBack();

  // ---- Filters, kept in the address bar ----
  await page.goto(`/w/${workspaceId}/calendar?view=week&date=2027-03-29&channels=${atelier}`);
  await event(page, mondayAtelier.id).waitFor();
  assert.equal(await event(page, mondayShop.id).count(), 0, 'the shop’s copy is filtered out');
  await page.goto(`/w/${workspaceId}/calendar?view=week&date=2027-03-29&states=draft`);
  await event(page, draft.targets[0].id).waitFor();
  assert.equal(await page.getByTestId('calendar-event').count(), 1);

  // ---- Dark mode ----
  await page.goto(`/w/${workspaceId}/calendar?view=week&date=2027-03-29`);
  await event(page, mondayAtelier.id).waitFor();
  await page.getByTestId('theme-toggle').click();
  await page.waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark');
  await shot(page, '06-week-dark');
  await page.getByTestId('theme-toggle').click();

  // ---- Today: the current week, with the line at the current Paris time ----
  await page.getByTestId('calendar-today').click();
  await page.locator('.fc-timegrid-now-indicator-line').waitFor();
  const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()));
  assert.equal(await page.locator('td.fc-timegrid-col.fc-day-today').getAttribute('data-date'), today, 'today is the Paris day');
  const scroller = (await page.locator('.fc-timegrid-body').locator('xpath=ancestor::div[contains(@class,"fc-scroller")][1]').boundingBox())!;
  const nowLine = (await page.locator('.fc-timegrid-now-indicator-line').boundingBox())!;
  assert.ok(nowLine.y >= scroller.y && nowLine.y <= scroller.y + scroller.height, 'the grid opens where the line is');
  await shot(page, '06b-today');

  // ---- French: labels, Monday first, and a move the server refuses is explained and undone ----
  await page.getByTestId('language-menu').click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await page.getByRole('heading', { name: 'Calendrier' }).waitFor();
  await page.getByTestId('calendar-views').getByText('Semaine', { exact: true }).waitFor();
  await page.goto(`/w/${workspaceId}/calendar?view=week&date=2027-03-29`);
  await event(page, thursday.targets[0].id).waitFor();
  assert.match(await page.getByTestId('calendar-title').innerText(), /mars/);
  assert.match(await page.locator('th.fc-col-header-cell').first().innerText(), /^lun/i);
  // Meanwhile Thursday's post needs a person's check (its outcome on the network is unknown); the page still shows it as scheduled.
  await relais.relais.services.database.db.updateTable('post_target').set({ state: 'needs_attention' }).where('id', '=', thursday.targets[0].id).execute();
  const refused = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes(`/targets/${thursday.targets[0].id}`));
  await dragTo(page, event(page, thursday.targets[0].id), { x: await columnCenterX(page, '2027-04-02'), y: -1 });
  assert.equal((await refused).status(), 409);
  await page.getByText('On ne sait pas si cette publication est partie').waitFor();
  await page.getByText('La publication n’a pas été déplacée').waitFor();
  await timeColumn(page, '2027-04-01').locator(`[data-target-id="${thursday.targets[0].id}"][data-state="needs_attention"]`).waitFor();
  assert.equal(await timeColumn(page, '2027-04-02').locator(`[data-target-id="${thursday.targets[0].id}"]`).count(), 0);
  // Now that the calendar knows, it can no longer be dragged; a scheduled one can.
  assert.equal(await event(page, thursday.targets[0].id).getAttribute('data-draggable'), null);
  assert.equal(await event(page, mondayAtelier.id).getAttribute('data-draggable'), 'true');
  await page.getByTestId('calendar-views').getByText('Mois', { exact: true }).click();
  await monthCell(page, '2027-03-29').locator(`[data-target-id="${mondayAtelier.id}"]`).waitFor();
  assert.match(await page.locator('th.fc-col-header-cell').first().innerText(), /^lun/i);
  await shot(page, '07-month-french');

  // The calendar's API agrees with what the page showed.
  const entries = (await admin.get<{ entries: CalendarEntry[] }>(`/api/workspaces/${workspaceId}/calendar?from=2027-03-22T00:00:00Z&to=2027-04-05T00:00:00Z`)).body.entries;
  assert.equal(entries.find((e) => e.targetId === mondayShop.id)!.scheduledAt, '2027-03-31T07:00:00.000Z');
  assert.equal(entries.find((e) => e.targetId === thursday.targets[0].id)!.scheduledAt, '2027-04-01T09:00:00.000Z');

  // ---- A phone, 390 px wide: the list by default ----
  const phone = await browser.newContext({ locale: 'fr-FR', timezoneId: 'America/New_York', viewport: { width: 390, height: 844 }, baseURL: relais.baseUrl, storageState: await context.storageState() });
  const small = await phone.newPage();
  watchPageErrors(small, errors);
  await small.goto(`/w/${workspaceId}/calendar?date=2027-03-29`);
  await event(small, saturday.targets[0].id).waitFor();
  assert.equal(await small.getByTestId('calendar').getAttribute('data-view'), 'list');
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  await shot(small, '08-phone-list');
  await small.getByTestId('calendar-views').getByText('Mois', { exact: true }).click();
  await monthCell(small, '2027-03-29').waitFor();
  await shot(small, '09-phone-month');

  assert.deepEqual(errors, []);
});
