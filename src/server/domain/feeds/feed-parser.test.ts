// The feed reader on the three XML formats people subscribe to (RSS 2.0, Atom,
// RSS 1.0) and JSON Feed, with the untidy parts of real feeds: HTML and entities
// in summaries, items without a GUID, relative links, legacy encodings, a web
// page given instead of its feed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { guidKeyOf, latestEntry, NotAFeedError, parseFeedDocument } from './feed-parser.ts';
import { decodeBody, discoverFeedUrl } from './feed-fetcher.ts';

const base = 'https://blog.example.com/feed.xml';

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Maison Dupont &amp; fils</title>
    <link>https://blog.example.com/</link>
    <item>
      <title>Nouvelle collection d&#8217;été</title>
      <link>https://blog.example.com/2027/collection</link>
      <guid isPermaLink="false">post-42</guid>
      <description><![CDATA[<p>Des <b>lins</b> tissés en Normandie&nbsp;: <a href="https://blog.example.com/lin">voir</a>.</p><img src="x.jpg" alt="photo"><script>track()</script>]]></description>
      <category>Mode</category>
      <category>Made in France</category>
      <dc:creator>Camille Martin</dc:creator>
      <pubDate>Tue, 09 Mar 2027 08:30:00 +0100</pubDate>
    </item>
    <item>
      <title>Sans GUID</title>
      <link>/2027/sans-guid</link>
      <content:encoded><![CDATA[<div><h2>Intertitre</h2><ul><li>un</li><li>deux</li></ul></div>]]></content:encoded>
    </item>
    <item>
      <title>Permalien</title>
      <guid>https://blog.example.com/2027/permalien</guid>
      <author>redaction@example.com (La rédaction)</author>
    </item>
  </channel>
</rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Journal de l’atelier</title>
  <link rel="self" href="https://atelier.example.org/atom.xml"/>
  <link href="https://atelier.example.org/"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2027-03-10T18:30:02Z</updated>
  <entry>
    <title type="html">Les &lt;em&gt;coulisses&lt;/em&gt; du salon</title>
    <link rel="enclosure" type="audio/mpeg" href="https://atelier.example.org/salon.mp3"/>
    <link rel="alternate" type="text/html" href="/2027/03/salon"/>
    <id>tag:atelier.example.org,2027:salon</id>
    <published>2027-03-10T09:00:00+01:00</published>
    <updated>2027-03-10T18:30:02Z</updated>
    <summary type="html">Trois jours &lt;strong&gt;intenses&lt;/strong&gt; &amp;amp; un prix.</summary>
    <author><name>Léa</name></author>
    <category term="salons" label="Salons pro"/>
    <category term="artisanat"/>
  </entry>
  <entry>
    <title>Sans résumé</title>
    <link href="https://atelier.example.org/2027/03/contenu"/>
    <id>tag:atelier.example.org,2027:contenu</id>
    <updated>2027-03-08T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Un contenu <b>XHTML</b>.</p></div></content>
  </entry>
</feed>`;

const rss1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example.net/rss">
    <title>Les nouvelles</title>
    <link>https://news.example.net/</link>
    <items><rdf:Seq><rdf:li resource="https://news.example.net/1"/><rdf:li resource="https://news.example.net/2"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://news.example.net/1">
    <title>Première</title>
    <link>https://news.example.net/1</link>
    <description>Un &lt;i&gt;résumé&lt;/i&gt; court</description>
    <dc:creator>Hugo</dc:creator>
    <dc:subject>économie</dc:subject>
    <dc:date>2027-03-01T12:00:00Z</dc:date>
  </item>
  <item rdf:about="https://news.example.net/2">
    <title>Deuxième</title>
    <link>https://news.example.net/2</link>
    <dc:date>2027-03-02T12:00:00Z</dc:date>
  </item>
</rdf:RDF>`;

describe('RSS 2.0', () => {
  const feed = parseFeedDocument(rss2, base);
  test('reads the feed and its items in document order', () => {
    assert.equal(feed.format, 'rss');
    assert.equal(feed.title, 'Maison Dupont & fils');
    assert.equal(feed.link, 'https://blog.example.com/');
    assert.deepEqual(feed.entries.map((e) => e.title), ['Nouvelle collection d’été', 'Sans GUID', 'Permalien']);
  });

  test('an item: GUID, link, author, categories, date, and its HTML summary as plain text', () => {
    const [item] = feed.entries;
    assert.equal(item.guid, 'post-42');
    assert.equal(item.link, 'https://blog.example.com/2027/collection');
    assert.equal(item.summary, 'Des lins tissés en Normandie : voir.');
    assert.doesNotMatch(item.summary, /track|jpg|photo|https:/, 'no script, image or link target in the text');
    assert.equal(item.author, 'Camille Martin');
    assert.deepEqual(item.categories, ['Mode', 'Made in France']);
    assert.equal(item.publishedAt, Date.parse('2027-03-09T07:30:00Z'));
  });

  test('an item without a GUID: relative link made absolute, content:encoded when there is no description', () => {
    const item = feed.entries[1];
    assert.equal(item.guid, null);
    assert.equal(item.link, 'https://blog.example.com/2027/sans-guid');
    assert.equal(item.summary, 'Intertitre un deux');
    assert.equal(item.publishedAt, null);
  });

  test('a permalink GUID is the link of an item without <link>; the RSS author e-mail gives its name', () => {
    const item = feed.entries[2];
    assert.equal(item.link, 'https://blog.example.com/2027/permalien');
    assert.equal(item.author, 'La rédaction');
  });
});

describe('Atom', () => {
  const feed = parseFeedDocument(atom, 'https://atelier.example.org/atom.xml');
  test('the alternate link (not the enclosure, not self), relative resolved', () => {
    assert.equal(feed.format, 'atom');
    assert.equal(feed.title, 'Journal de l’atelier');
    assert.equal(feed.link, 'https://atelier.example.org/');
    assert.equal(feed.entries[0].link, 'https://atelier.example.org/2027/03/salon');
  });

  test('HTML title and summary as text; author, category label or term; published date first', () => {
    const [entry] = feed.entries;
    assert.equal(entry.guid, 'tag:atelier.example.org,2027:salon');
    assert.equal(entry.title, 'Les coulisses du salon');
    assert.equal(entry.summary, 'Trois jours intenses & un prix.');
    assert.equal(entry.author, 'Léa');
    assert.deepEqual(entry.categories, ['Salons pro', 'artisanat']);
    assert.equal(entry.publishedAt, Date.parse('2027-03-10T08:00:00Z'));
  });

  test('content (XHTML) stands in for a missing summary; updated for a missing published', () => {
    const entry = feed.entries[1];
    assert.equal(entry.summary, 'Un contenu XHTML.');
    assert.equal(entry.publishedAt, Date.parse('2027-03-08T10:00:00Z'));
  });
});

describe('RSS 1.0 (RDF)', () => {
  const feed = parseFeedDocument(rss1, 'https://news.example.net/rss');
  test('items beside the channel, identified by rdf:about, with Dublin Core author, subject and date', () => {
    assert.equal(feed.format, 'rdf');
    assert.equal(feed.title, 'Les nouvelles');
    assert.equal(feed.entries.length, 2);
    const [first] = feed.entries;
    assert.equal(first.guid, 'https://news.example.net/1');
    assert.equal(first.link, 'https://news.example.net/1');
    assert.equal(first.summary, 'Un résumé court');
    assert.equal(first.author, 'Hugo');
    assert.deepEqual(first.categories, ['économie']);
    assert.equal(first.publishedAt, Date.parse('2027-03-01T12:00:00Z'));
  });

  test('the latest item is the newest by date, wherever it stands in the document', () => {
    assert.equal(latestEntry(feed.entries)?.title, 'Deuxième');
  });
});

describe('JSON Feed', () => {
  test('items with their url, summary or text, tags and date', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Carnet',
      items: [{ id: 'a1', url: 'https://carnet.example/a1', title: 'Premier', content_html: '<p>Bonjour <em>tout</em> le monde</p>', tags: ['vie locale'], date_published: '2027-01-02T03:04:05Z' }],
    });
    const feed = parseFeedDocument(json, 'https://carnet.example/feed.json');
    assert.equal(feed.format, 'json');
    assert.deepEqual(
      { ...feed.entries[0], index: undefined },
      { guid: 'a1', link: 'https://carnet.example/a1', title: 'Premier', summary: 'Bonjour tout le monde', author: '', categories: ['vie locale'], publishedAt: Date.parse('2027-01-02T03:04:05Z'), index: undefined },
    );
  });
});

describe('identity of an item', () => {
  const [withGuid, withoutGuid] = parseFeedDocument(rss2, base).entries;
  test('the GUID when there is one: a corrected title or summary is the same item', () => {
    assert.equal(guidKeyOf(withGuid), guidKeyOf({ ...withGuid, title: 'Titre corrigé', link: 'https://blog.example.com/autre' }));
    assert.match(guidKeyOf(withGuid), /^[0-9a-f]{64}$/);
  });

  test('the link when there is no GUID; a GUID equal to another item’s link is still another item', () => {
    assert.equal(guidKeyOf(withoutGuid), guidKeyOf({ ...withoutGuid, title: 'Autre titre' }));
    assert.notEqual(guidKeyOf(withoutGuid), guidKeyOf({ ...withoutGuid, link: 'https://blog.example.com/2027/autre' }));
    assert.notEqual(guidKeyOf({ guid: withoutGuid.link, link: null, title: '', publishedAt: null }), guidKeyOf(withoutGuid));
  });

  test('without GUID nor link, its title and date', () => {
    const bare = { guid: null, link: null, title: 'Brève', publishedAt: 1 };
    assert.equal(guidKeyOf(bare), guidKeyOf({ ...bare }));
    assert.notEqual(guidKeyOf(bare), guidKeyOf({ ...bare, publishedAt: 2 }));
  });

  test('without dates, the latest item is the first of the document', () => {
    const undated = parseFeedDocument(rss2, base).entries.map((e) => ({ ...e, publishedAt: null }));
    assert.equal(latestEntry(undated)?.title, 'Nouvelle collection d’été');
    assert.equal(latestEntry([]), null);
  });
});

describe('what is not a feed', () => {
  test('an HTML page, a JSON document, an empty body', () => {
    for (const body of ['<!doctype html><html><head><title>Blog</title></head><body>Bonjour</body></html>', '{"hello":"world"}', '', 'plain text']) {
      assert.throws(() => parseFeedDocument(body, base), NotAFeedError, body.slice(0, 20));
    }
  });

  test('a web page names its feed in <link rel="alternate">, relative to the page', () => {
    const page = '<html><head><link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/atom+xml" title="Atom" href="/feed.atom"><link rel="alternate" type="application/rss+xml" href="/rss"></head><body></body></html>';
    assert.equal(discoverFeedUrl(page, 'https://blog.example.com/articles/'), 'https://blog.example.com/feed.atom');
    assert.equal(discoverFeedUrl('<html><head><link rel="alternate" hreflang="en" href="/en"></head></html>', base), null);
    assert.equal(discoverFeedUrl('<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">', base), null);
  });
});

describe('encodings', () => {
  const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  const response = (bytes: Uint8Array, contentType: string) => ({ headers: new Headers({ 'content-type': contentType }), bytes: () => bytes });

  test('ISO-8859-1 declared by the XML declaration or by HTTP', () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Café</title><item><title>Été</title><guid>1</guid></item></channel></rss>';
    assert.equal(parseFeedDocument(decodeBody(response(latin1(xml), 'application/rss+xml')), base).entries[0].title, 'Été');
    const undeclared = xml.replace(' encoding="ISO-8859-1"', '');
    assert.equal(parseFeedDocument(decodeBody(response(latin1(undeclared), 'text/xml; charset=iso-8859-1')), base).title, 'Café');
  });

  test('UTF-8 by default, and an unknown charset label falls back to it', () => {
    const bytes = new TextEncoder().encode('<rss version="2.0"><channel><title>Déjà</title></channel></rss>');
    assert.equal(parseFeedDocument(decodeBody(response(bytes, 'application/xml; charset=x-unknown')), base).title, 'Déjà');
  });
});
