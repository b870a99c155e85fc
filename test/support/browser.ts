// Debian's Chromium driven by playwright-core, with screenshots kept under
// test-results/ so that a person can look at what the journey saw.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { onCleanup } from './cleanup.ts';

export const screenshotDir = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export async function launchBrowser(): Promise<Browser> {
  // Playwright gives every launch a fresh, temporary profile of its own.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  onCleanup(() => browser.close());
  return browser;
}

/** Saves a full-page screenshot as test-results/screenshots/<journey>/<name>.png. */
export async function screenshot(page: Page, journey: string, name: string): Promise<void> {
  const dir = path.join(screenshotDir, journey);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Fails the test on any uncaught error in the page. */
export function watchPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
}

/** Opens the login page and signs in; resolves once a workspace page shows. Labels in the browser's language. */
export async function logInAs(page: Page, email: string, password: string, language: 'en' | 'fr' = 'en'): Promise<void> {
  const labels = language === 'fr' ? { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' } : { email: 'Email address', password: 'Password', submit: 'Log in' };
  await page.goto('/login');
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL(/\/w\/[^/]+\//);
}
