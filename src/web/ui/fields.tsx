// Form fields used on several pages: language, time zone, role.
import { useMemo } from 'react';
import { Badge, Group, Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '../../shared/locales.ts';
import type { WorkspaceRole } from '../../shared/roles.ts';
import { localeNames } from '../i18n/index.ts';
import { browserTimeZone } from './format.ts';

type FieldProps<T extends string> = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: T | null;
  onChange: (value: T) => void;
};

export function LanguageSelect({ value, onChange, ...props }: FieldProps<Locale>) {
  return (
    <Select
      {...props}
      data={locales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
      value={value}
      onChange={(next) => next && onChange(next as Locale)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function offsetLabel(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date());
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
    return name === 'GMT' ? 'UTC' : name.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

let cachedZones: string[] | null = null;
function allTimeZones(): string[] {
  if (!cachedZones) {
    let zones: string[];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
    cachedZones = zones.includes('UTC') ? zones : ['UTC', ...zones];
  }
  return cachedZones;
}

export function TimeZoneSelect({ value, onChange, ...props }: FieldProps<string>) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    const zones = allTimeZones();
    const list = value && !zones.includes(value) ? [value, ...zones] : zones;
    return list.map((zone) => {
      const offset = offsetLabel(zone);
      return { value: zone, label: `${zone.replaceAll('_', ' ')}${offset ? ` (${offset})` : ''}` };
    });
  }, [value]);
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(next) => next && onChange(next)}
      searchable
      allowDeselect={false}
      limit={80}
      maxDropdownHeight={280}
      nothingFoundMessage={props.nothingFoundMessage ?? t('common.nothingFound')}
    />
  );
}

export function defaultTimeZone(): string {
  return browserTimeZone();
}

const roleColors: Record<WorkspaceRole, string> = {
  owner: 'grape',
  admin: 'indigo',
  editor: 'blue',
  contributor: 'teal',
  analyst: 'gray',
};

export function RoleBadge({ role }: { role: WorkspaceRole }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={roleColors[role]} radius="sm" tt="none" fw={600}>
      {t(`roles.${role}.label`)}
    </Badge>
  );
}

/** A role picker whose options explain what each role may do. */
export function RoleSelect({ roles, value, onChange, withDescription = true, ...props }: FieldProps<WorkspaceRole> & { roles: WorkspaceRole[]; withDescription?: boolean }) {
  const { t } = useTranslation();
  return (
    <Select
      {...props}
      data={roles.map((role) => ({ value: role, label: t(`roles.${role}.label`) }))}
      value={value}
      onChange={(next) => next && onChange(next as WorkspaceRole)}
      allowDeselect={false}
      description={withDescription && value ? t(`roles.${value}.description`) : props.description}
      renderOption={
        withDescription
          ? ({ option }) => (
              <Stack gap={0}>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {option.label}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`roles.${option.value}.description`)}
                </Text>
              </Stack>
            )
          : undefined
      }
    />
  );
}
