// Settings → Templates & hashtags: saved post templates (plain text with
// placeholders such as {{first_name}}) and named hashtag groups, both picked
// from the composer. Everyone sees them; whoever writes content manages them.
import { useState, type FormEvent, type ReactNode } from 'react';
import { ActionIcon, Badge, Button, Group, Stack, Table, TagsInput, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { normalizeHashtag, templateVariables, type ContentTemplate, type HashtagGroup } from '../../shared/composer/kit-types.ts';
import type { Locale } from '../../shared/locales.ts';
import { can } from '../../shared/roles.ts';
import { useDeleteHashtagGroup, useDeleteTemplate, useHashtagGroups, useSaveHashtagGroup, useSaveTemplate, useTemplates } from '../api/templates.ts';
import { ConfirmModal } from '../ui/ConfirmModal.tsx';
import { Dialog, DialogFormActions } from '../ui/dialog.tsx';
import { LanguageSelect } from '../ui/fields.tsx';
import { FormError } from '../ui/FormError.tsx';
import { IconHash, IconPencil, IconPlus, IconTemplate, IconTrash } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { QueryTable } from '../ui/QueryTable.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';

export function TemplatesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('templates.title')} description={t('templates.description')} />
      <Stack gap="xl">
        <TemplatesSection />
        <HashtagGroupsSection />
      </Stack>
    </>
  );
}

/** Edit and delete buttons of a row. */
function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label={t('composerKit.edit')} withArrow>
        <ActionIcon variant="subtle" color="gray" aria-label={t('composerKit.editNamed', { name })} onClick={onEdit}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('composerKit.delete')} withArrow>
        <ActionIcon variant="subtle" color="red" aria-label={t('composerKit.deleteNamed', { name })} onClick={onDelete}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** A titled block of the page with its add button on the right. */
function SectionWithAction({ title, description, action, children }: { title: string; description: string; action: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 320px' }}>
          <Title order={3} fz="lg" fw={600}>
            {title}
          </Title>
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        </Stack>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

function TemplatesSection() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const write = can(workspace.role, 'content:write');
  const templates = useTemplates(workspace.id);
  const remove = useDeleteTemplate(workspace.id);
  const [editing, setEditing] = useState<{ template: ContentTemplate | null } | null>(null);
  const [deleting, setDeleting] = useState<ContentTemplate | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    const template = deleting;
    remove.mutate(template.id, {
      onSuccess: () => notifySuccess(t('templates.deleted', { name: template.name })),
      onError: notifyError,
      onSettled: () => setDeleting(null),
    });
  };

  return (
    <SectionWithAction
      title={t('templates.sectionTitle')}
      description={t('templates.sectionDescription', { example: '{{first_name}}' })}
      action={
        write && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ template: null })} data-testid="add-template">
            {t('templates.add')}
          </Button>
        )
      }
    >
      <QueryTable
        query={templates}
        items={templates.data}
        label={t('templates.sectionTitle')}
        columns={[t('common.name'), t('templates.language'), t('templates.text'), t('templates.placeholders')]}
        actions={write}
        minWidth={720}
        skeletonRows={2}
        empty={{ icon: <IconTemplate size={26} />, title: t('templates.emptyTitle'), description: t('templates.emptyDescription') }}
        renderRow={(template) => (
          <Table.Tr key={template.id} data-testid="template-row" data-name={template.name}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {template.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color="gray">
                {template.language.toUpperCase()}
              </Badge>
            </Table.Td>
            <Table.Td maw={360}>
              <Text size="sm" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-line' }}>
                {template.text}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {templateVariables(template.text).map((name) => (
                  <Badge key={name} size="sm" variant="outline" tt="none">{`{{${name}}}`}</Badge>
                ))}
              </Group>
            </Table.Td>
            {write && (
              <Table.Td ta="right">
                <RowActions name={template.name} onEdit={() => setEditing({ template })} onDelete={() => setDeleting(template)} />
              </Table.Td>
            )}
          </Table.Tr>
        )}
      />
      <Dialog opened={editing !== null} onClose={() => setEditing(null)} title={editing?.template ? t('templates.editTitle') : t('templates.addTitle')} size="lg">
        {editing && <TemplateForm key={editing.template?.id ?? 'new'} template={editing.template} onDone={() => setEditing(null)} />}
      </Dialog>
      <ConfirmModal
        opened={deleting !== null}
        title={t('templates.deleteTitle')}
        confirmLabel={t('composerKit.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        {t('templates.deleteText', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </SectionWithAction>
  );
}

function TemplateForm({ template, onDone }: { template: ContentTemplate | null; onDone: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const save = useSaveTemplate(workspace.id);
  const [name, setName] = useState(template?.name ?? '');
  const [language, setLanguage] = useState<Locale>(template?.language ?? workspace.language);
  const [text, setText] = useState(template?.text ?? '');
  const [checked, setChecked] = useState(false);
  const variables = templateVariables(text);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!name.trim() || !text.trim()) return;
    save.mutate(
      { id: template?.id ?? null, input: { name: name.trim(), language, text: text.trim() } },
      {
        onSuccess: () => {
          notifySuccess(t('templates.saved', { name: name.trim() }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} />
        <Group grow align="flex-start">
          <TextInput
            label={t('common.name')}
            placeholder={t('templates.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={checked && !name.trim() ? t('validation.required') : null}
            required
            maxLength={80}
            data-autofocus
          />
          <LanguageSelect label={t('templates.language')} value={language} onChange={setLanguage} />
        </Group>
        <Textarea
          label={t('templates.text')}
          description={t('templates.textHint', { example: '{{first_name}}' })}
          placeholder={t('templates.textPlaceholder', { example: '{{first_name}}' })}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={checked && !text.trim() ? t('validation.required') : null}
          required
          autosize
          minRows={4}
          maxLength={5000}
        />
        {variables.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('templates.found', { names: variables.map((variable) => `{{${variable}}}`).join(', ') })}
          </Text>
        )}
        <DialogFormActions submitLabel={template ? t('common.save') : t('templates.addSubmit')} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function HashtagGroupsSection() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const write = can(workspace.role, 'content:write');
  const groups = useHashtagGroups(workspace.id);
  const remove = useDeleteHashtagGroup(workspace.id);
  const [editing, setEditing] = useState<{ group: HashtagGroup | null } | null>(null);
  const [deleting, setDeleting] = useState<HashtagGroup | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    const group = deleting;
    remove.mutate(group.id, {
      onSuccess: () => notifySuccess(t('hashtagGroups.deleted', { name: group.name })),
      onError: notifyError,
      onSettled: () => setDeleting(null),
    });
  };

  return (
    <SectionWithAction
      title={t('hashtagGroups.title')}
      description={t('hashtagGroups.description')}
      action={
        write && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ group: null })} data-testid="add-hashtag-group">
            {t('hashtagGroups.add')}
          </Button>
        )
      }
    >
      <QueryTable
        query={groups}
        items={groups.data}
        label={t('hashtagGroups.title')}
        columns={[t('common.name'), t('hashtagGroups.hashtags')]}
        actions={write}
        minWidth={560}
        skeletonRows={2}
        empty={{ icon: <IconHash size={26} />, title: t('hashtagGroups.emptyTitle'), description: t('hashtagGroups.emptyDescription') }}
        renderRow={(group) => (
          <Table.Tr key={group.id} data-testid="hashtag-group-row" data-name={group.name}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {group.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {group.hashtags.map((hashtag) => (
                  <Badge key={hashtag} size="sm" variant="light" tt="none">
                    {hashtag}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            {write && (
              <Table.Td ta="right">
                <RowActions name={group.name} onEdit={() => setEditing({ group })} onDelete={() => setDeleting(group)} />
              </Table.Td>
            )}
          </Table.Tr>
        )}
      />
      <Dialog opened={editing !== null} onClose={() => setEditing(null)} title={editing?.group ? t('hashtagGroups.editTitle') : t('hashtagGroups.addTitle')}>
        {editing && <HashtagGroupForm key={editing.group?.id ?? 'new'} group={editing.group} onDone={() => setEditing(null)} />}
      </Dialog>
      <ConfirmModal
        opened={deleting !== null}
        title={t('hashtagGroups.deleteTitle')}
        confirmLabel={t('composerKit.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        {t('hashtagGroups.deleteText', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </SectionWithAction>
  );
}

function HashtagGroupForm({ group, onDone }: { group: HashtagGroup | null; onDone: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const save = useSaveHashtagGroup(workspace.id);
  const [name, setName] = useState(group?.name ?? '');
  const [hashtags, setHashtags] = useState<string[]>(group?.hashtags ?? []);
  const [checked, setChecked] = useState(false);
  const invalid = hashtags.filter((hashtag) => normalizeHashtag(hashtag) === null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!name.trim() || hashtags.length === 0 || invalid.length > 0) return;
    save.mutate(
      { id: group?.id ?? null, input: { name: name.trim(), hashtags } },
      {
        onSuccess: () => {
          notifySuccess(t('hashtagGroups.saved', { name: name.trim() }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} />
        <TextInput
          label={t('common.name')}
          placeholder={t('hashtagGroups.namePlaceholder')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={checked && !name.trim() ? t('validation.required') : null}
          required
          maxLength={80}
          data-autofocus
        />
        <TagsInput
          label={t('hashtagGroups.hashtags')}
          description={t('hashtagGroups.hashtagsHint')}
          placeholder={t('hashtagGroups.hashtagsPlaceholder')}
          value={hashtags}
          // Typed with or without #: shown as stored, with one.
          onChange={(values) => setHashtags(values.map((value) => normalizeHashtag(value) ?? value.trim()))}
          splitChars={[',', ' ', 'Enter']}
          maxTags={30}
          clearable
          error={
            invalid.length > 0
              ? t('hashtagGroups.invalid', { hashtags: invalid.join(', ') })
              : checked && hashtags.length === 0
                ? t('validation.required')
                : null
          }
          comboboxProps={{ withinPortal: true }}
        />
        <DialogFormActions submitLabel={group ? t('common.save') : t('hashtagGroups.addSubmit')} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
