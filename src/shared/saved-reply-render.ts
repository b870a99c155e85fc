// Fills a saved reply's {{variables}} from the message being answered. Pure:
// the web app fills the reply box with it, the server checks templates with
// `unknownVariables`. A variable Relais cannot know (an order number) is left
// as written, visible, for the person to complete before sending.
import { savedReplyVariables } from './inbox.ts';

export type SavedReplyValues = Partial<Record<(typeof savedReplyVariables)[number], string | null>>;

const pattern = /\{\{\s*([a-z_]+)\s*\}\}/g;

export function renderSavedReply(body: string, values: SavedReplyValues): string {
  return body.replace(pattern, (whole, name: string) => {
    const value = values[name as keyof SavedReplyValues];
    return value == null || value === '' ? whole : value;
  });
}

/** Variables written in `body` that Relais does not know (a typo like {{nom}}). */
export function unknownVariables(body: string): string[] {
  const known = new Set<string>(savedReplyVariables);
  return [...new Set([...body.matchAll(pattern)].map((match) => match[1]).filter((name) => !known.has(name)))];
}

/** The values a message gives: the author's names and handle, the channel, the person answering. */
export function valuesFor(input: { displayName: string | null; handle: string; channel: string; agent: string }): SavedReplyValues {
  const name = input.displayName?.trim() || input.handle;
  return { name, first_name: name.split(/\s+/)[0], handle: `@${input.handle.replace(/^@/, '')}`, channel: input.channel, agent: input.agent, order_number: null };
}
