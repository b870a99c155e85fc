// Switching the interface language, and keeping it in step with the profile.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocale, type Locale } from '../../shared/locales.ts';
import { useMe, useSaveLocale } from '../api/session.ts';

/** Returns a function that switches the language and, when logged in, saves it to the profile. */
export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const saveLocale = useSaveLocale();
  return (locale: Locale) => {
    void i18n.changeLanguage(locale);
    if (me && me.user.locale !== locale) saveLocale.mutate(locale);
  };
}

/** When the profile names a language, the interface follows it. */
export function useProfileLanguage(): void {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const profileLocale = me?.user.locale ?? null;
  useEffect(() => {
    if (profileLocale && pickLocale(i18n.language) !== profileLocale) void i18n.changeLanguage(profileLocale);
    // Only a change of the saved preference should switch the interface.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profileLocale]);
}
