// i18next set-up: French or English, detected from the browser on the first
// visit (fr* → French, anything else → English), then remembered.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { locales, pickLocale, type Locale } from '../../shared/locales.ts';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

export const localeStorageKey = 'relais.locale';

/** Each language named in itself, for language pickers. */
export const localeNames: Record<Locale, string> = { en: 'English', fr: 'Français' };

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    supportedLngs: [...locales],
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: localeStorageKey,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => pickLocale(lng),
    },
  });

function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = pickLocale(lng);
}
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

/** The language the interface is shown in. */
export function currentLocale(): Locale {
  return pickLocale(i18n.resolvedLanguage ?? i18n.language);
}

export default i18n;
