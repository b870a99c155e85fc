// Browser journey through the inbox settings, in French: a saved reply with
// variables and its live preview; a rule refused because it would put
// criticism aside (the server's words shown), then a valid one saved; opening
// hours and targets that persist after a reload; the response-time report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRelais, setUpAdminAndWorkspace, strongPassword } from '../support/relais.ts';
import { launchBrowser, logInAs, screenshot, watchPageErrors } from '../support/browser.ts';
import type { InboxSettings, RuleView, SavedReplyView } from '../../src/shared/inbox.ts';

const journey = 'inbox-settings';

test('inbox settings in the browser: saved reply, rules and the criticism guard, hours and targets, report', async () => {
  const relais = await startTestRelais('sqlite');
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  await admin.patch('/api/me', { locale: 'fr' });
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 }, baseURL: relais.baseUrl, timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);
  await logInAs(page, 'ada@example.com', strongPassword, 'fr');
  await page.getByTestId('nav-inbox-settings').click();
  await page.getByText('Aucune réponse enregistrée').waitFor();

  await page.getByTestId('saved-reply-new').click();
  await page.getByTestId('saved-reply-title').fill('Retard de livraison');
  await page.getByTestId('saved-reply-body').fill('Bonjour {{first_name}}, désolés pour ce retard ! — {{agent}}');
  await page.getByTestId('saved-reply-preview').getByText('Bonjour Camille, désolés pour ce retard ! — Léa').waitFor();
  await screenshot(page, journey, '1-saved-reply');
  await page.getByTestId('saved-reply-save').click();
  await page.getByTestId('saved-replies').getByText('Retard de livraison').waitFor();
  const saved = (await admin.get<{ savedReplies: SavedReplyView[] }>(`/api/workspaces/${workspaceId}/inbox/saved-replies`)).body.savedReplies;
  assert.deepEqual(saved.map((s) => [s.title, s.language]), [['Retard de livraison', 'fr']]);

  await page.getByTestId('inbox-settings-tab-rules').click();
  await page.getByTestId('rule-new').click();
  await page.getByTestId('rule-name').fill('Cacher les râleurs');
  await page.getByTestId('rule-sentiments').click({ force: true });
  await page.getByRole('option', { name: 'Négatif' }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('rule-action').locator('input').first().click();
  await page.getByRole('option', { name: 'Marquer indésirable' }).click();
  await page.getByTestId('rule-save').click();
  await page.getByTestId('rule-error').getByText('Relais ne met jamais une critique de côté automatiquement', { exact: false }).waitFor();
  await screenshot(page, journey, '2-criticism-guard');
  assert.equal((await admin.get<{ rules: RuleView[] }>(`/api/workspaces/${workspaceId}/inbox/rules`)).body.rules.length, 0, 'nothing saved');
  await page.getByTestId('rule-action').locator('input').first().click();
  await page.getByRole('option', { name: 'Étiqueter' }).click();
  await page.getByTestId('rule-action-tag').fill('à-rappeler');
  await page.getByTestId('rule-name').fill('Mécontents à rappeler');
  await page.getByTestId('rule-save').click();
  await page.getByTestId('rule').getByText('Mécontents à rappeler').waitFor();
  const rules = (await admin.get<{ rules: RuleView[] }>(`/api/workspaces/${workspaceId}/inbox/rules`)).body.rules;
  assert.deepEqual(rules.map((r) => [r.name, r.conditions.sentiments, r.actions]), [['Mécontents à rappeler', ['negative'], [{ type: 'tag', tag: 'à-rappeler' }]]]);

  await page.getByTestId('inbox-settings-tab-hours').click();
  await page.getByTestId('hours-day-6').getByRole('checkbox').check();
  await page.getByTestId('target-first-response').fill('30');
  await page.getByTestId('reply-approval').check();
  await page.getByTestId('hours-save').click();
  await page.getByText('Réglages enregistrés').waitFor();
  await page.reload();
  await page.getByTestId('target-first-response').waitFor();
  assert.equal(await page.getByTestId('target-first-response').inputValue(), '30 min');
  await screenshot(page, journey, '3-hours');
  const settings = (await admin.get<InboxSettings>(`/api/workspaces/${workspaceId}/inbox/settings`)).body;
  assert.equal(settings.firstResponseTargetMinutes, 30);
  assert.equal(settings.replyApproval, true);
  assert.deepEqual(settings.businessHours.days.map((d) => d.weekday), [1, 2, 3, 4, 5, 6]);

  await page.getByTestId('inbox-settings-tab-report').click();
  await page.getByTestId('report-figures').waitFor();
  await screenshot(page, journey, '4-report');
  assert.deepEqual(errors, []);
  await browser.close();
});
