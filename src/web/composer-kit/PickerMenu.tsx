// The dropdown behind TemplatePicker and HashtagGroupPicker: a button that
// opens a searchable list; picking an item closes it.
import { useState, type ReactNode } from 'react';
import { Button, Combobox, Loader, ScrollArea, Text, useCombobox } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface PickerItem {
  id: string;
  /** What the search looks in. */
  searchText: string;
  content: ReactNode;
}

export function PickerMenu({
  label,
  icon,
  items,
  loading,
  emptyText,
  searchPlaceholder,
  onPick,
  testId,
}: {
  label: string;
  icon: ReactNode;
  items: readonly PickerItem[] | undefined;
  loading: boolean;
  emptyText: string;
  searchPlaceholder: string;
  onPick: (id: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setSearch('');
    },
    onDropdownOpen: () => combobox.focusSearchInput(),
  });
  const needle = search.trim().toLocaleLowerCase();
  const shown = (items ?? []).filter((item) => item.searchText.toLocaleLowerCase().includes(needle));

  return (
    <Combobox
      store={combobox}
      width={340}
      position="bottom-start"
      withinPortal
      onOptionSubmit={(id) => {
        onPick(id);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target withAriaAttributes={false}>
        <Button variant="default" size="xs" leftSection={icon} onClick={() => combobox.toggleDropdown()} data-testid={testId}>
          {label}
        </Button>
      </Combobox.Target>
      <Combobox.Dropdown>
        {(items?.length ?? 0) > 0 && (
          <Combobox.Search value={search} onChange={(event) => setSearch(event.currentTarget.value)} placeholder={searchPlaceholder} aria-label={searchPlaceholder} />
        )}
        <Combobox.Options>
          <ScrollArea.Autosize mah={300} type="scroll">
            {loading ? (
              <Combobox.Empty>
                <Loader size="xs" aria-label={t('common.loading')} />
              </Combobox.Empty>
            ) : items?.length === 0 ? (
              <Combobox.Empty>
                <Text size="sm" c="dimmed" ta="left" p={4}>
                  {emptyText}
                </Text>
              </Combobox.Empty>
            ) : shown.length === 0 ? (
              <Combobox.Empty>{t('common.nothingFound')}</Combobox.Empty>
            ) : (
              shown.map((item) => (
                <Combobox.Option value={item.id} key={item.id}>
                  {item.content}
                </Combobox.Option>
              ))
            )}
          </ScrollArea.Autosize>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
