// "Share for client approval": a period (days of the workspace's zone), maybe
// some channels, an expiry — then the address to send, shown this once.
// `ShareForApprovalButton` opens it from any page of the posts area.
import { useState, type FormEvent } from 'react';
import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import { Alert, Anchor, Button, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { approvalLinkDefaultDays, type CreatedApprovalLink } from '../../shared/approval-links.ts';
import { pickLocale } from '../../shared/locales.ts';
import { useChannels } from '../api/channels.ts';
import { channelAddress } from '../channels/networks.tsx';
import { CopyField } from '../ui/copy.tsx';
import { Dialog, DialogFormActions } from '../ui/dialog.tsx';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { IconAlert, IconCalendar, IconExternalLink, IconShare } from '../ui/icons.tsx';
import { useCreateApprovalLink } from './approval-links-api.ts';
import { periodName, periodPresets, type Period } from './period.ts';

const expiryChoices = [7, 14, 30, 60, 90];

export interface ShareForApprovalProps {
  workspaceId: string;
  timeZone: string;
  opened: boolean;
  onClose: () => void;
  /** The period and channels the page was showing, if any (else next month, every channel). */
  initialPeriod?: Period;
  initialChannelIds?: string[];
}

export function ShareForApprovalDialog(props: ShareForApprovalProps) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApprovalLink | null>(null);
  const close = () => {
    setCreated(null);
    props.onClose();
  };
  return (
    <Dialog opened={props.opened} onClose={close} title={created ? t('approvalLinks.createdTitle') : t('approvalLinks.shareTitle')} size="lg" closeOnClickOutside={!created}>
      {created ? <CreatedLink created={created} onDone={close} /> : props.opened && <ShareForm {...props} onCreated={setCreated} onCancel={close} />}
    </Dialog>
  );
}

function ShareForm({ workspaceId, timeZone, initialPeriod, initialChannelIds, onCreated, onCancel }: ShareForApprovalProps & { onCreated: (created: CreatedApprovalLink) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = pickLocale(i18n.language);
  const presets = periodPresets(timeZone);
  const [range, setRange] = useState<[string | null, string | null]>(() => {
    const start = initialPeriod ?? presets[0].period;
    return [start.from, start.to];
  });
  const [label, setLabel] = useState<string | null>(null);
  const [channelIds, setChannelIds] = useState<string[]>(initialChannelIds ?? []);
  const [days, setDays] = useState(String(approvalLinkDefaultDays));
  const [checked, setChecked] = useState(false);
  const channels = useChannels(workspaceId);
  const create = useCreateApprovalLink(workspaceId);
  const [from, to] = range;
  const suggested = from && to ? t('approvalLinks.defaultLabel', { period: periodName({ from, to }, locale) }) : '';
  const shownLabel = label ?? suggested;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!from || !to || !shownLabel.trim()) return;
    create.mutate({ label: shownLabel.trim(), from, to, channelIds: channelIds.length ? channelIds : undefined, expiresInDays: Number(days) }, { onSuccess: onCreated });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="share-approval-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('approvalLinks.shareHint')}
        </Text>
        <FormError error={create.error} />
        <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
          <DatePickerInput
            type="range"
            label={t('approvalLinks.period')}
            description={t('approvalLinks.periodZone', { zone: timeZone.replaceAll('_', ' ') })}
            value={range}
            onChange={(value) => setRange(value as [string | null, string | null])}
            presets={presets.map((preset) => ({ value: [preset.period.from, preset.period.to] as [string, string], label: t(`approvalLinks.presets.${preset.key}`) }))}
            valueFormat="D MMM YYYY"
            leftSection={<IconCalendar size={16} />}
            error={checked && (!from || !to) ? t('validation.required') : null}
            popoverProps={{ withinPortal: true }}
            required
            data-testid="share-approval-period"
          />
        </DatesProvider>
        <TextInput
          label={t('approvalLinks.label')}
          description={t('approvalLinks.labelHint')}
          value={shownLabel}
          onChange={(event) => setLabel(event.currentTarget.value)}
          error={checked && !shownLabel.trim() ? t('validation.required') : null}
          maxLength={120}
          required
          data-testid="share-approval-label"
        />
        <MultiSelect
          label={t('approvalLinks.channels')}
          placeholder={channelIds.length ? undefined : t('approvalLinks.allChannels')}
          data={(channels.data ?? []).map((channel) => ({ value: channel.id, label: channelAddress(channel) }))}
          value={channelIds}
          onChange={setChannelIds}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="share-approval-channels"
        />
        <Select
          label={t('approvalLinks.expiry')}
          data={expiryChoices.map((value) => ({ value: String(value), label: t('approvalLinks.expiryDays', { count: value }) }))}
          value={days}
          onChange={(value) => value && setDays(value)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="share-approval-expiry"
        />
        <DialogFormActions submitLabel={t('approvalLinks.create')} pending={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function CreatedLink({ created, onDone }: { created: CreatedApprovalLink; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap="md" data-testid="approval-link-created">
      <Alert color="orange" variant="light" icon={<IconAlert />} title={t('approvalLinks.onceTitle')}>
        {t('approvalLinks.onceText', { date: format.date(created.link.expiresAt) })}
      </Alert>
      <CopyField label={t('approvalLinks.urlLabel', { label: created.link.label })} value={created.url} testId="approval-link-url" />
      <Group justify="space-between">
        <Anchor href={created.url} target="_blank" rel="noreferrer" size="sm">
          <Group gap={4} component="span">
            {t('approvalLinks.openPage')}
            <IconExternalLink size={14} />
          </Group>
        </Anchor>
        <Button onClick={onDone}>{t('approvalLinks.done')}</Button>
      </Group>
    </Stack>
  );
}

/** A button that opens the dialog for the current workspace (for the posts list, the calendar…). */
export function ShareForApprovalButton({ workspaceId, timeZone, initialPeriod, initialChannelIds, variant = 'default' }: Omit<ShareForApprovalProps, 'opened' | 'onClose'> & { variant?: 'default' | 'filled' | 'light' }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant={variant} leftSection={<IconShare size={16} />} onClick={() => setOpened(true)} data-testid="share-for-approval">
        {t('approvalLinks.share')}
      </Button>
      <ShareForApprovalDialog workspaceId={workspaceId} timeZone={timeZone} opened={opened} onClose={() => setOpened(false)} initialPeriod={initialPeriod} initialChannelIds={initialChannelIds} />
    </>
  );
}
