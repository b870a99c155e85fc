// An emoji picker in a popover: Unicode's emoji with their names and keywords
// in the interface language (Emojibase's data, loaded only when opened and
// served by Relais itself), a search, groups, and the ones used lately first.
import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Center, Loader, Popover, ScrollArea, SegmentedControl, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickLocale, type Locale } from '../../../shared/locales.ts';

/** A smiling face, drawn: the button must not depend on the system's emoji font. */
function IconMoodSmile({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18" />
      <path d="M9 10h.01M15 10h.01" />
      <path d="M8.5 14.5a4 4 0 0 0 7 0" />
    </svg>
  );
}

interface Emoji {
  unicode: string;
  label: string;
  tags?: string[];
  group?: number;
  order?: number;
}

const loaders: Record<Locale, () => Promise<{ default: unknown }>> = {
  en: () => import('emojibase-data/en/compact.json'),
  fr: () => import('emojibase-data/fr/compact.json'),
};

/** Emojibase's groups, less 2 (skin-tone components), with the emoji that stands for each. */
const groups = [
  { id: 0, icon: '😀' },
  { id: 1, icon: '👋' },
  { id: 3, icon: '🐻' },
  { id: 4, icon: '🍔' },
  { id: 5, icon: '✈️' },
  { id: 6, icon: '⚽' },
  { id: 7, icon: '💡' },
  { id: 8, icon: '💟' },
  { id: 9, icon: '🏁' },
];

const recentKey = 'relais.recent-emoji';

function readRecent(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(recentKey) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 24) : [];
  } catch {
    return [];
  }
}

function useEmojiData(locale: Locale, enabled: boolean) {
  const [data, setData] = useState<{ locale: Locale; emoji: Emoji[] } | null>(null);
  useEffect(() => {
    if (!enabled || data?.locale === locale) return;
    let live = true;
    void loaders[locale]().then((module) => {
      const all = (module.default as Emoji[]).filter((e) => e.group !== undefined && e.group !== 2).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
      if (live) setData({ locale, emoji: all });
    });
    return () => {
      live = false;
    };
  }, [enabled, locale, data]);
  return data?.locale === locale ? data.emoji : null;
}

export function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = pickLocale(i18n.language);
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState('');
  const [recent, setRecent] = useState<string[]>(readRecent);
  const [group, setGroup] = useState<string>(() => (readRecent().length > 0 ? 'recent' : '0'));
  const emoji = useEmojiData(locale, opened);

  const shown = useMemo(() => {
    if (!emoji) return [];
    const query = search.trim().toLocaleLowerCase(locale);
    if (query) return emoji.filter((e) => e.label.toLocaleLowerCase(locale).includes(query) || e.tags?.some((tag) => tag.toLocaleLowerCase(locale).startsWith(query))).slice(0, 120);
    if (group === 'recent') return recent.map((unicode) => emoji.find((e) => e.unicode === unicode) ?? { unicode, label: unicode });
    return emoji.filter((e) => String(e.group) === group);
  }, [emoji, search, group, recent, locale]);

  const pick = (value: string) => {
    onPick(value);
    const next = [value, ...recent.filter((r) => r !== value)].slice(0, 24);
    setRecent(next);
    try {
      localStorage.setItem(recentKey, JSON.stringify(next));
    } catch {
      // Private browsing: nothing remembered.
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" shadow="md" width={340} trapFocus withinPortal>
      <Popover.Target>
        <Tooltip label={t('publishing.composer.emoji')} withArrow>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('publishing.composer.emoji')} onClick={() => setOpened((o) => !o)} data-testid="composer-emoji">
            <IconMoodSmile size={19} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap="xs">
          <TextInput size="xs" placeholder={t('publishing.composer.emojiSearch')} aria-label={t('publishing.composer.emojiSearch')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-autofocus />
          {!search && (
            <SegmentedControl
              size="xs"
              fullWidth
              value={group}
              onChange={setGroup}
              data={[
                ...(recent.length > 0 ? [{ value: 'recent', label: <span title={t('publishing.composer.emojiRecent')}>🕘</span> }] : []),
                ...groups.map((g) => ({ value: String(g.id), label: <span aria-label={t(`publishing.emojiGroups.${g.id}`)}>{g.icon}</span> })),
              ]}
              styles={{ label: { paddingInline: 2 } }}
            />
          )}
          <ScrollArea h={220} type="auto">
            {!emoji ? (
              <Center h={200}>
                <Loader size="sm" />
              </Center>
            ) : shown.length === 0 ? (
              <Text size="sm" c="dimmed" ta="center" py="xl">
                {t('common.nothingFound')}
              </Text>
            ) : (
              <div className="relais-emoji-grid" role="group" aria-label={t('publishing.composer.emoji')}>
                {shown.map((e) => (
                  <button key={e.unicode} type="button" title={e.label} aria-label={e.label} onClick={() => pick(e.unicode)}>
                    {e.unicode}
                  </button>
                ))}
              </div>
            )}
          </ScrollArea>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
