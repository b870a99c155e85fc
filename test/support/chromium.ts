// Browser journeys drive Debian's Chromium; install it when the machine lacks it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

// Without a colour emoji font, screenshots show boxes where people see emoji.
const emojiFontPath = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';

export function ensureChromium(): void {
  const missing = [existsSync(chromiumPath) ? null : 'chromium', existsSync(emojiFontPath) ? null : 'fonts-noto-color-emoji'].filter((name) => name !== null);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    if (missing.includes('chromium')) {
      console.error('Chromium is missing: install it with `apt-get install -y chromium` (browser tests need it).');
      process.exit(1);
    }
    return;
  }
  console.log(`Installing ${missing.join(' and ')} from Debian for the browser tests…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
