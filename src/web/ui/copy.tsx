// Copy to the clipboard, with a fallback for pages not served over HTTPS.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ActionIcon, Button, Group, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheck, IconCopy } from './icons.tsx';

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export function useCopy(timeout = 2000) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = useCallback(
    async (text: string) => {
      try {
        await writeClipboard(text);
      } catch {
        return false;
      }
      setCopied(true);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setCopied(false), timeout);
      return true;
    },
    [timeout],
  );
  return { copied, copy };
}

/** A button that copies `value`; its label says what it copies. */
export function CopyButton({ value, label, compact = false, size = 'xs' }: { value: string; label: string; compact?: boolean; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { copied, copy } = useCopy();
  if (compact) {
    return (
      <Tooltip label={copied ? t('common.copied') : label} withArrow>
        <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} aria-label={label} onClick={() => void copy(value)}>
          {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Button
      variant="default"
      size={size}
      leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
      color={copied ? 'teal' : undefined}
      onClick={() => void copy(value)}
    >
      {copied ? t('common.copied') : label}
    </Button>
  );
}

/** A read-only field showing a value to copy (a link, a secret). */
export function CopyField({ label, value, testId, monospace = false }: { label: string; value: string; testId?: string; monospace?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        data-testid={testId}
        style={{ flex: 1, minWidth: 0 }}
        styles={monospace ? { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } : undefined}
      />
      <CopyButton value={value} label={t('common.copy')} size="sm" />
    </Group>
  );
}
