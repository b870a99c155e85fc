// Reading CSV files as spreadsheets write them: BOM, `;` from a French Excel,
// CRLF, quoted texts over several lines, French headers, Windows-1252 bytes;
// each row numbered by the line it starts on; broken files said so by line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCsv, detectDelimiter, maxCsvRows, readCsv } from './csv-reader.ts';
import { columnFor, normalizeHeader } from './csv-columns.ts';
import { escapeFormula, unescapeFormula } from './csv-formula.ts';

test('a French Excel file: BOM, `;`, CRLF, French headers, a quoted text over two lines with a `;` in it', () => {
  const file = '\uFEFFDate / heure;Canaux;Texte;URL média;Première réponse;Campagne\r\n' + '29/03/2027 09:00;@marque.test;"Bonjour ;\r\nà tous";https://example.com/a.jpg;Lien : https://example.com;Printemps\r\n' + '30/03/2027 10:00;@marque.test;Deuxième;;;\r\n';
  const read = readCsv(file);
  assert.deepEqual(read.problems, []);
  assert.equal(read.delimiter, ';');
  assert.deepEqual(read.columns, ['date', 'channels', 'text', 'media_url', 'first_reply', 'campaign']);
  assert.equal(read.rows.length, 2);
  assert.deepEqual(read.rows[0], {
    line: 2,
    extraCells: 0,
    cells: { date: '29/03/2027 09:00', channels: '@marque.test', text: 'Bonjour ;\nà tous', media_url: 'https://example.com/a.jpg', first_reply: 'Lien : https://example.com', campaign: 'Printemps' },
  });
  assert.equal(read.rows[1].line, 4, 'the second row starts after the two lines of the first');
});

test('a comma file with doubled quotes, blank lines and a row with too many cells keeps the line numbers of a text editor', () => {
  const read = readCsv('date,channels,text\n2027-03-29 09:00,@a.test,"He said ""hi"", then left"\n\n,,\n2027-03-30 09:00,@a.test,Oops, a comma\n');
  assert.equal(read.delimiter, ',');
  assert.deepEqual(read.rows.map((row) => [row.line, row.cells.text, row.extraCells]), [
    [2, 'He said "hi", then left', 0],
    [5, 'Oops', 1],
  ]);
});

test('English and French header spellings name the same columns; unknown, doubled and missing columns are said on line 1', () => {
  assert.equal(normalizeHeader(' Première  Réponse '), 'premiere_reponse');
  for (const [header, column] of [['date_heure', 'date'], ['canaux', 'channels'], ['texte', 'text'], ['url_media', 'media_url'], ['premiere_reponse', 'first_reply'], ['campagne', 'campaign'], ['Media URL', 'media_url'], ['First reply', 'first_reply']] as const) {
    assert.equal(columnFor(header), column, header);
  }
  const read = readCsv('date;texte;text;couleur\n2027-03-29 09:00;a;b;red\n');
  assert.deepEqual(read.problems.map((p) => [p.line, p.code, p.params.column]), [
    [1, 'csv_column_duplicate', 'text'],
    [1, 'csv_column_unknown', 'couleur'],
    [1, 'csv_column_missing', 'channels'],
  ]);
});

test('a quote never closed is reported on the line where its row starts; the rows before it are kept', () => {
  const read = readCsv('date,channels,text\n2027-03-29 09:00,@a.test,fine\n2027-03-30 09:00,@a.test,"never closed\nstill inside\n');
  assert.deepEqual(read.rows.map((row) => row.line), [2]);
  assert.deepEqual(read.problems.map((p) => [p.line, p.code]), [[3, 'csv_quote_not_closed']]);
});

test('empty files and files over the row limit are refused as a whole', () => {
  assert.deepEqual(readCsv('').problems.map((p) => p.code), ['csv_empty']);
  assert.deepEqual(readCsv('date,channels,text\n\n').problems.map((p) => p.code), ['csv_empty']);
  const many = 'channels,text\n' + Array.from({ length: maxCsvRows + 1 }, (_, i) => `@a.test,post ${i}`).join('\n');
  assert.deepEqual(readCsv(many).problems.map((p) => [p.line, p.code, p.params.count]), [[null, 'csv_too_many_rows', maxCsvRows + 1]]);
});

test('bytes: UTF-8 with or without BOM, and Windows-1252 from an old Excel', () => {
  assert.equal(decodeCsv(new TextEncoder().encode('\uFEFFtexte\nété')), 'texte\nété');
  assert.equal(decodeCsv(Uint8Array.from([0x74, 0x65, 0x78, 0x74, 0x65, 0x0a, 0xe9, 0x74, 0xe9, 0x20, 0x80])), 'texte\nété €');
});

test('the separator is the one the header uses most', () => {
  assert.equal(detectDelimiter('date;canaux;texte'), ';');
  assert.equal(detectDelimiter('date,channels,text'), ',');
  assert.equal(detectDelimiter('date\tchannels\ttext'), '\t');
  assert.equal(detectDelimiter('text'), ',');
});

test('cells a spreadsheet would run as formulas are prefixed on export and restored on import', () => {
  for (const cell of ['=HYPERLINK("http://evil","x")', '+33 6 12', '-20% ce week-end', '@fan.test merci', '\tcmd']) {
    assert.equal(escapeFormula(cell), `'${cell}`);
    assert.equal(unescapeFormula(escapeFormula(cell)), cell);
  }
  assert.equal(escapeFormula('Bonjour'), 'Bonjour');
  assert.equal(unescapeFormula("'quoted on purpose"), "'quoted on purpose");
});
