// Language menu and theme toggle, on every page (signed in or not).
import { ActionIcon, Button, Menu, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { locales, pickLocale } from '../../shared/locales.ts';
import { localeNames } from '../i18n/index.ts';
import { IconCheck, IconLanguage, IconMoon, IconSun } from '../ui/icons.tsx';
import { useChangeLanguage } from './language.ts';

export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const current = pickLocale(i18n.language);
  const changeLanguage = useChangeLanguage();
  return (
    <Menu position="bottom-end" width={180} shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          px={8}
          leftSection={<IconLanguage size={18} />}
          aria-label={t('language.menu', { language: localeNames[current] })}
          data-testid="language-menu"
        >
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {locales.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            onClick={() => changeLanguage(locale)}
            rightSection={locale === current ? <IconCheck size={16} /> : null}
            data-testid={`language-option-${locale}`}
            aria-current={locale === current ? 'true' : undefined}
          >
            {localeNames[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

export function ThemeToggle() {
  const { t } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = computed === 'dark' ? 'light' : 'dark';
  const label = next === 'dark' ? t('theme.toDark') : t('theme.toLight');
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={() => setColorScheme(next)} data-testid="theme-toggle">
        {computed === 'dark' ? <IconSun size={19} /> : <IconMoon size={19} />}
      </ActionIcon>
    </Tooltip>
  );
}
