// A post's text as the network shows it: links, @mentions and #hashtags
// highlighted, long links shortened. Bluesky turns bare domains into links;
// Mastodon only addresses with http(s).
import { Fragment, type ReactNode } from 'react';
import { segmentText, shortLink } from './rich-text-segments.ts';

export function RichText({ text, bareDomains, linkColor }: { text: string; bareDomains: boolean; linkColor: string }) {
  const nodes: ReactNode[] = segmentText(text, bareDomains).map((segment, index) => {
    if (segment.kind === 'text') return <Fragment key={index}>{segment.text}</Fragment>;
    return (
      <span key={index} style={{ color: linkColor }} data-kind={segment.kind} title={segment.href}>
        {segment.kind === 'link' ? shortLink(segment.text) : segment.text}
      </span>
    );
  });
  return <>{nodes}</>;
}
