// Measures the sentiment analyzer on labelled data that is not part of the
// project (labelled posts may not be redistributable):
//
//   node scripts/eval-sentiment.ts [--detect] FILE.jsonl…
//
// Each line: {"text": …, "label": "positive" | "neutral" | "negative"}. The
// language is taken from the file name ("fr-…", "en-…") unless --detect asks
// to detect it per line. Prints, per file, accuracy, macro-F1 and the
// confusion between classes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createNlp, type SentimentLabel } from '../src/server/nlp/index.ts';

const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];
const row = z.object({ text: z.string(), label: z.enum(['negative', 'neutral', 'positive']) });

const args = process.argv.slice(2);
const detect = args.includes('--detect');
const files = args.filter((arg) => arg !== '--detect');
if (files.length === 0) {
  console.error('usage: node scripts/eval-sentiment.ts [--detect] FILE.jsonl…');
  process.exit(2);
}

const nlp = createNlp();
for (const file of files) {
  const name = path.basename(file);
  const language = detect ? undefined : (/^(fr|en)\b/.exec(name)?.[1] ?? null);
  const rows = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => row.parse(JSON.parse(line)));
  const confusion = Object.fromEntries(LABELS.map((gold) => [gold, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as
    Record<SentimentLabel, Record<SentimentLabel, number>>;
  for (const { text, label } of rows) confusion[label][nlp.analyze(text, language).label] += 1;
  const correct = LABELS.reduce((sum, l) => sum + confusion[l][l], 0);
  const f1 = LABELS.map((l) => {
    const predicted = LABELS.reduce((sum, gold) => sum + confusion[gold][l], 0);
    const actual = LABELS.reduce((sum, p) => sum + confusion[l][p], 0);
    return predicted + actual === 0 ? 0 : (2 * confusion[l][l]) / (predicted + actual);
  });
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
  console.log(`${name} (${language ?? 'detected'}): ${rows.length} rows, accuracy ${percent(correct / rows.length)}, ` +
    `macro-F1 ${percent(f1.reduce((a, b) => a + b) / LABELS.length)}`);
  console.log(`  gold \\ predicted   ${LABELS.map((l) => l.padStart(9)).join('')}`);
  for (const gold of LABELS) console.log(`  ${gold.padEnd(18)}${LABELS.map((p) => String(confusion[gold][p]).padStart(9)).join('')}`);
}
