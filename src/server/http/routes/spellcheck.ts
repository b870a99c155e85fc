// Spell check for the composer, and the workspace's own dictionary (brand and
// product names the check accepts). Whoever writes content may add words.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SpellChecker } from '../../domain/composer/spellcheck.ts';
import type { DictionaryWords } from '../../domain/composer/dictionary-words.ts';
import { AppError, notFound } from '../../errors.ts';
import { locales } from '../../../shared/locales.ts';
import { errorResponses, workspaceParams } from './schemas.ts';

const issue = z.object({ offset: z.number(), length: z.number(), word: z.string(), suggestions: z.array(z.string()) });
const dictionaryWord = z.object({ word: z.string(), createdAt: z.string() });
const wordsResponse = z.object({ words: z.array(dictionaryWord) });
// One word as the spell checker sees one: letters, digits, apostrophes, hyphens, dots (« L'Oréal », « Relais.app »).
const wordPattern = /^[\p{L}\p{M}\p{N}'’._-]+$/u;

export function registerSpellcheckRoutes(app: FastifyInstance, spelling: SpellChecker, dictionary: DictionaryWords): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = { workspacePermission: 'content:write' as const };

  r.post('/api/workspaces/:workspaceId/spellcheck', {
    config: write,
    schema: {
      tags: ['composer'],
      summary: 'Misspelled words of a text, with suggestions',
      description:
        'Links, e-mail addresses, @mentions, #hashtags, {{placeholders}}, emoji, numbers and the workspace dictionary are not checked. ' +
        'The first check in a language after start waits for its dictionary to load; an empty text starts loading it and returns at once. ' +
        '`complete` is false when some suggestions took too long: ask again shortly to get them.',
      params: workspaceParams,
      body: z.strictObject({ text: z.string().max(10_000), language: z.enum(locales) }),
      response: { 200: z.object({ issues: z.array(issue), complete: z.boolean() }), ...errorResponses },
    },
  }, async (request) => {
    const { text, language } = request.body;
    if (text.trim() === '') {
      // The composer sends an empty text when it opens: the dictionary loads while the person writes.
      spelling.warmUp(language).catch((error: unknown) => {
        if (!spelling.closed) request.log.error({ err: error, language }, 'spell-check dictionary failed to load');
      });
      return { issues: [], complete: true };
    }
    return spelling.check(text, language, await dictionary.words(request.params.workspaceId));
  });

  r.get('/api/workspaces/:workspaceId/dictionary-words', {
    config: { workspacePermission: 'workspace:read' },
    schema: { tags: ['composer'], summary: "The workspace's own words, accepted by the spell check", params: workspaceParams, response: { 200: wordsResponse, ...errorResponses } },
  }, async (request) => ({ words: await dictionary.list(request.params.workspaceId) }));

  r.post('/api/workspaces/:workspaceId/dictionary-words', {
    config: write,
    schema: {
      tags: ['composer'],
      summary: 'Add a word to the workspace dictionary (adding it again changes nothing)',
      params: workspaceParams,
      body: z.strictObject({ word: z.string().trim().min(1).max(60) }),
      response: { 201: wordsResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    if (!wordPattern.test(request.body.word)) throw new AppError(400, 'dictionary_word_invalid', { word: request.body.word });
    await dictionary.add(request.params.workspaceId, request.body.word);
    reply.status(201);
    return { words: await dictionary.list(request.params.workspaceId) };
  });

  r.delete('/api/workspaces/:workspaceId/dictionary-words/:word', {
    config: write,
    schema: { tags: ['composer'], summary: 'Remove a word from the workspace dictionary', params: workspaceParams.extend({ word: z.string().min(1).max(60) }), response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    if (!(await dictionary.remove(request.params.workspaceId, request.params.word))) throw notFound();
    return reply.status(204).send(null);
  });
}
