// Publishing → Campaigns: name, colour (on the calendar and in the posts list)
// and the UTM parameters added to the links of the campaign's posts.
import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, ColorInput, ColorSwatch, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../shared/publishing.ts';
import { can } from '../../../shared/roles.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { Dialog, DialogFormActions } from '../../ui/dialog.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { IconFilter, IconPencil, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.tsx';
import { PageHeader } from '../../ui/page.tsx';
import { QueryTable } from '../../ui/QueryTable.tsx';
import { useCurrentWorkspace } from '../../workspaces/context.ts';
import { useCampaigns, useDeleteCampaign, useSaveCampaign, type CampaignInput } from '../publishing-api.ts';

const swatches = ['#545bdb', '#1c7ed6', '#0ca678', '#37b24d', '#f59f00', '#f76707', '#e03131', '#d6336c', '#ae3ec9', '#495057'];

export function CampaignsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const campaigns = useCampaigns(workspace.id);
  const remove = useDeleteCampaign(workspace.id);
  const manage = can(workspace.role, 'content:publish');
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Campaign | null>(null);

  return (
    <>
      <PageHeader
        title={t('publishing.campaigns.title')}
        description={t('publishing.campaigns.description')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="campaign-create">
              {t('publishing.campaigns.create')}
            </Button>
          )
        }
      />
      <QueryTable
        query={campaigns}
        items={campaigns.data}
        label={t('publishing.campaigns.title')}
        columns={[t('common.name'), t('publishing.campaigns.utm')]}
        actions={manage}
        minWidth={manage ? 560 : 480}
        empty={{
          icon: <IconFilter size={26} />,
          title: t('publishing.campaigns.emptyTitle'),
          description: t('publishing.campaigns.emptyText'),
          children: manage ? (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('publishing.campaigns.create')}
            </Button>
          ) : undefined,
        }}
        renderRow={(campaign) => (
          <Table.Tr key={campaign.id} data-testid="campaign-row">
            <Table.Td>
              <Group gap={10} wrap="nowrap">
                <ColorSwatch color={campaign.color} size={14} />
                <Text size="sm" fw={500}>
                  {campaign.name}
                </Text>
              </Group>
            </Table.Td>
            <Table.Td className="relais-wrap">
              <Text size="xs" c="dimmed" ff="monospace">
                {[
                  campaign.utmSource && `utm_source=${campaign.utmSource}`,
                  campaign.utmMedium && `utm_medium=${campaign.utmMedium}`,
                  campaign.utmCampaign && `utm_campaign=${campaign.utmCampaign}`,
                ]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </Text>
            </Table.Td>
            {manage && (
              <Table.Td ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('publishing.campaigns.edit')} withArrow>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('publishing.campaigns.edit')} onClick={() => setEditing(campaign)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('publishing.campaigns.delete')} withArrow>
                    <ActionIcon variant="subtle" color="red" aria-label={t('publishing.campaigns.delete')} onClick={() => setDeleting(campaign)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        )}
      />
      {editing !== null && <CampaignDialog campaign={editing === 'new' ? null : editing} workspaceId={workspace.id} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={deleting !== null}
        title={t('publishing.campaigns.deleteTitle')}
        confirmLabel={t('publishing.campaigns.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => setDeleting(null),
            onError: (error) => {
              notifyError(error);
              setDeleting(null);
            },
          })
        }
        onClose={() => setDeleting(null)}
      >
        {t('publishing.campaigns.deleteText', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}

function CampaignDialog({ campaign, workspaceId, onClose }: { campaign: Campaign | null; workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCampaign(workspaceId);
  const [form, setForm] = useState<CampaignInput>({
    name: campaign?.name ?? '',
    color: campaign?.color ?? swatches[0],
    utmSource: campaign?.utmSource ?? null,
    utmMedium: campaign?.utmMedium ?? null,
    utmCampaign: campaign?.utmCampaign ?? null,
  });
  const [nameError, setNameError] = useState<string | null>(null);
  const field = (key: 'utmSource' | 'utmMedium' | 'utmCampaign') => ({
    value: form[key] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value.trim() === '' ? null : e.currentTarget.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.name.trim() === '') {
      setNameError(t('publishing.campaigns.nameRequired'));
      return;
    }
    save.mutate(
      { id: campaign?.id ?? null, input: { ...form, name: form.name.trim() } },
      {
        onSuccess: () => {
          notifySuccess(campaign ? t('publishing.campaigns.updated') : t('publishing.campaigns.created'));
          onClose();
        },
      },
    );
  };
  return (
    <Dialog opened onClose={onClose} title={campaign ? t('publishing.campaigns.edit') : t('publishing.campaigns.create')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} />
          <TextInput
            label={t('common.name')}
            value={form.name}
            onChange={(e) => {
              setForm({ ...form, name: e.currentTarget.value });
              setNameError(null);
            }}
            error={nameError}
            maxLength={100}
            data-autofocus
            data-testid="campaign-name"
          />
          <ColorInput label={t('publishing.campaigns.color')} value={form.color} onChange={(color) => setForm({ ...form, color })} swatches={swatches} swatchesPerRow={10} format="hex" />
          <Text size="sm" fw={600} mt="xs">
            {t('publishing.campaigns.utmTitle')}
          </Text>
          <Text size="xs" c="dimmed" mt={-10}>
            {t('publishing.campaigns.utmHelp')}
          </Text>
          <TextInput label="utm_source" placeholder="bluesky" {...field('utmSource')} />
          <TextInput label="utm_medium" placeholder="social" {...field('utmMedium')} />
          <TextInput label="utm_campaign" placeholder={t('publishing.campaigns.utmCampaignPlaceholder')} {...field('utmCampaign')} />
          <DialogFormActions submitLabel={campaign ? t('common.save') : t('publishing.campaigns.create')} pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
