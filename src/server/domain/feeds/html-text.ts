// A feed's summaries and contents are HTML; a post wants plain text. html-to-text
// decodes entities and drops scripts, images and link targets; the result is
// flattened into one paragraph (a summary in a post reads as a teaser).
import { convert, type HtmlToTextOptions } from 'html-to-text';

const options: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'figure', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: ' ' } },
    { selector: 'ol', format: 'unorderedList', options: { itemPrefix: ' ' } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable' },
  ],
};

/** Plain text of an HTML fragment, whitespace collapsed. */
export function htmlToPlainText(html: string): string {
  if (html.trim() === '') return '';
  return convert(html, options).replace(/\s+/g, ' ').trim();
}

/** Titles are text, but some feeds put markup in them; only then is it removed (a title may say "a < b"). */
export function textOfTitle(title: string): string {
  const looksLikeHtml = /<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i.test(title);
  return (looksLikeHtml ? htmlToPlainText(title) : title).replace(/\s+/g, ' ').trim();
}
