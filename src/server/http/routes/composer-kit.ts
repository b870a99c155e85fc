// The composer kit's routes (spell check and workspace dictionary, brand-voice
// rules, templates, hashtag groups) and the one spell checker of this process,
// whose dictionaries load on first use and go when the server closes.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { BrandRules } from '../../domain/composer/brand-rules.ts';
import { ContentTemplates } from '../../domain/composer/content-templates.ts';
import { DictionaryWords } from '../../domain/composer/dictionary-words.ts';
import { HashtagGroups } from '../../domain/composer/hashtag-groups.ts';
import { SpellChecker } from '../../domain/composer/spellcheck.ts';
import { registerBrandRuleRoutes } from './brand-rules.ts';
import { registerContentTemplateRoutes } from './content-templates.ts';
import { registerHashtagGroupRoutes } from './hashtag-groups.ts';
import { registerSpellcheckRoutes } from './spellcheck.ts';

export function registerComposerKitRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services.database;
  const spelling = new SpellChecker();
  app.addHook('onClose', () => spelling.close());
  registerSpellcheckRoutes(app, spelling, new DictionaryWords(db));
  registerBrandRuleRoutes(app, services, new BrandRules(db));
  registerContentTemplateRoutes(app, new ContentTemplates(db));
  registerHashtagGroupRoutes(app, new HashtagGroups(db));
}
