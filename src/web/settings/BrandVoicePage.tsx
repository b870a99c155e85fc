// Settings → Brand voice: the words the brand avoids (and what to say
// instead), the words every post must carry, the workspace's own dictionary
// for the spell check, and a box to try a text against all of it. Everyone
// reads the rules; owners and admins set them; writers add dictionary words.
import { useRef, useState, type FormEvent } from 'react';
import { ActionIcon, Badge, Box, Button, Group, MultiSelect, Pill, Select, SegmentedControl, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkBrandVoice, type BrandRuleKind } from '../../shared/composer/brand-voice.ts';
import type { BrandRuleView, SpellIssue, SpellLanguage } from '../../shared/composer/kit-types.ts';
import { can } from '../../shared/roles.ts';
import { useAddDictionaryWord, useBrandRules, useDeleteBrandRule, useDictionaryWords, useRemoveDictionaryWord, useSaveBrandRule } from '../api/brand-voice.ts';
import { useNetworks } from '../api/channels.ts';
import { networkName } from '../channels/networks.tsx';
import { BrandVoiceFindings } from '../composer-kit/BrandVoiceFindings.tsx';
import { HashtagGroupPicker } from '../composer-kit/HashtagGroupPicker.tsx';
import { TemplatePicker } from '../composer-kit/TemplatePicker.tsx';
import { SpellingIssues } from '../composer-kit/SpellingIssues.tsx';
import { useSpellcheck } from '../composer-kit/useSpellcheck.ts';
import { TextMarksBackdrop } from '../composer-kit/TextMarksBackdrop.tsx';
import { textMarks } from '../composer-kit/text-marks.ts';
import { ConfirmModal } from '../ui/ConfirmModal.tsx';
import { Dialog, DialogFormActions } from '../ui/dialog.tsx';
import { FormError } from '../ui/FormError.tsx';
import { IconPencil, IconPlus, IconSpeakerphone, IconTrash } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { PageHeader, Section } from '../ui/page.tsx';
import { QueryTable } from '../ui/QueryTable.tsx';
import { Panel } from '../ui/states.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';

export function BrandVoicePage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const manage = can(workspace.role, 'brand:manage');
  const rules = useBrandRules(workspace.id);
  const networks = useNetworks();
  const remove = useDeleteBrandRule(workspace.id);
  const [editing, setEditing] = useState<{ rule: BrandRuleView | null } | null>(null);
  const [deleting, setDeleting] = useState<BrandRuleView | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    const rule = deleting;
    remove.mutate(rule.id, {
      onSuccess: () => notifySuccess(t('brandVoice.rules.deleted', { term: rule.term })),
      onError: notifyError,
      onSettled: () => setDeleting(null),
    });
  };

  const addButton = manage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ rule: null })} data-testid="add-brand-rule">
      {t('brandVoice.rules.add')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('brandVoice.title')} description={t('brandVoice.description')} actions={addButton} />
      <Stack gap="xl">
        <Section title={t('brandVoice.rules.title')} description={manage ? t('brandVoice.rules.descriptionManage') : t('brandVoice.rules.descriptionRead')}>
          <QueryTable
            query={rules}
            items={rules.data}
            label={t('brandVoice.rules.title')}
            columns={[t('brandVoice.rules.kind'), t('brandVoice.rules.term'), t('brandVoice.rules.suggestion'), t('brandVoice.rules.note'), t('brandVoice.rules.networks')]}
            actions={manage}
            minWidth={760}
            skeletonRows={3}
            empty={{ icon: <IconSpeakerphone size={26} />, title: t('brandVoice.rules.emptyTitle'), description: t('brandVoice.rules.emptyDescription') }}
            renderRow={(rule) => (
              <Table.Tr key={rule.id} data-testid="brand-rule-row" data-term={rule.term} data-kind={rule.kind}>
                <Table.Td>
                  <Badge variant="light" color={rule.kind === 'forbidden' ? 'red' : 'teal'}>
                    {t(`brandVoice.kinds.${rule.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {rule.term}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{rule.suggestion ?? '—'}</Text>
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {rule.note ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {rule.networks ? rule.networks.map((network) => networkName(network, networks.data)).join(', ') : t('brandVoice.rules.allNetworks')}
                  </Text>
                </Table.Td>
                {manage && (
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label={t('composerKit.edit')} withArrow>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('brandVoice.rules.editNamed', { term: rule.term })} onClick={() => setEditing({ rule })}>
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('composerKit.delete')} withArrow>
                        <ActionIcon variant="subtle" color="red" aria-label={t('brandVoice.rules.deleteNamed', { term: rule.term })} onClick={() => setDeleting(rule)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            )}
          />
        </Section>
        <DictionarySection />
        <TryItSection rules={rules.data ?? []} />
      </Stack>
      <RuleDialog editing={editing} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('brandVoice.rules.deleteTitle')}
        confirmLabel={t('composerKit.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      >
        {t('brandVoice.rules.deleteText', { term: deleting?.term ?? '' })}
      </ConfirmModal>
    </>
  );
}

function RuleDialog({ editing, onClose }: { editing: { rule: BrandRuleView | null } | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened={editing !== null} onClose={onClose} title={editing?.rule ? t('brandVoice.rules.editTitle') : t('brandVoice.rules.addTitle')} size="lg">
      {editing && <RuleForm key={editing.rule?.id ?? 'new'} rule={editing.rule} onDone={onClose} />}
    </Dialog>
  );
}

function RuleForm({ rule, onDone }: { rule: BrandRuleView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const save = useSaveBrandRule(workspace.id);
  const networks = useNetworks();
  const [kind, setKind] = useState<BrandRuleKind>(rule?.kind ?? 'forbidden');
  const [term, setTerm] = useState(rule?.term ?? '');
  const [suggestion, setSuggestion] = useState(rule?.suggestion ?? '');
  const [note, setNote] = useState(rule?.note ?? '');
  const [scope, setScope] = useState<string[]>(rule?.networks ?? []);
  const [checked, setChecked] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!term.trim()) return;
    const input = { kind, term: term.trim(), suggestion: kind === 'forbidden' ? suggestion.trim() || null : null, note: note.trim() || null, networks: scope.length > 0 ? scope : null };
    save.mutate(
      { id: rule?.id ?? null, input },
      {
        onSuccess: () => {
          notifySuccess(rule ? t('brandVoice.rules.saved', { term: input.term }) : t('brandVoice.rules.added', { term: input.term }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} />
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value as BrandRuleKind)}
          data={[
            { value: 'forbidden', label: t('brandVoice.kinds.forbiddenLong') },
            { value: 'required', label: t('brandVoice.kinds.requiredLong') },
          ]}
          fullWidth
          aria-label={t('brandVoice.rules.kind')}
        />
        <TextInput
          label={kind === 'forbidden' ? t('brandVoice.rules.termForbidden') : t('brandVoice.rules.termRequired')}
          description={t('brandVoice.rules.termHint')}
          placeholder={kind === 'forbidden' ? t('brandVoice.rules.termForbiddenPlaceholder') : t('brandVoice.rules.termRequiredPlaceholder')}
          value={term}
          onChange={(event) => setTerm(event.currentTarget.value)}
          error={checked && !term.trim() ? t('validation.required') : null}
          required
          maxLength={100}
          data-autofocus
        />
        {kind === 'forbidden' && (
          <TextInput
            label={t('brandVoice.rules.suggestion')}
            placeholder={t('brandVoice.rules.suggestionPlaceholder')}
            value={suggestion}
            onChange={(event) => setSuggestion(event.currentTarget.value)}
            maxLength={200}
          />
        )}
        <Textarea
          label={t('brandVoice.rules.note')}
          description={t('brandVoice.rules.noteHint')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
        />
        <MultiSelect
          label={t('brandVoice.rules.networks')}
          description={t('brandVoice.rules.networksHint')}
          placeholder={scope.length === 0 ? t('brandVoice.rules.allNetworks') : undefined}
          data={(networks.data ?? []).map((network) => ({ value: network.network, label: network.displayName }))}
          value={scope}
          onChange={setScope}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <DialogFormActions submitLabel={rule ? t('common.save') : t('brandVoice.rules.addSubmit')} pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function DictionarySection() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const write = can(workspace.role, 'content:write');
  const words = useDictionaryWords(workspace.id);
  const add = useAddDictionaryWord(workspace.id);
  const remove = useRemoveDictionaryWord(workspace.id);
  const [word, setWord] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!word.trim()) return;
    add.mutate(word.trim(), { onSuccess: () => setWord('') });
  };

  return (
    <Section title={t('brandVoice.dictionary.title')} description={t('brandVoice.dictionary.description')}>
      <Panel>
        <Stack gap="md">
          {write && (
            <form onSubmit={submit} noValidate>
              <Stack gap="xs">
                <FormError error={add.error} />
                <Group align="flex-end" gap="sm">
                  <TextInput
                    label={t('brandVoice.dictionary.word')}
                    placeholder={t('brandVoice.dictionary.placeholder')}
                    value={word}
                    onChange={(event) => setWord(event.currentTarget.value)}
                    maxLength={60}
                    style={{ flex: '1 1 220px' }}
                  />
                  <Button type="submit" variant="default" loading={add.isPending} leftSection={<IconPlus size={16} />}>
                    {t('brandVoice.dictionary.add')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {words.data && words.data.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('brandVoice.dictionary.empty')}
            </Text>
          )}
          {words.data && words.data.length > 0 && (
            <Pill.Group data-testid="dictionary-words" aria-label={t('brandVoice.dictionary.title')}>
              {words.data.map((entry) => (
                <Pill
                  key={entry.word}
                  size="md"
                  withRemoveButton={write}
                  onRemove={() => remove.mutate(entry.word, { onError: notifyError })}
                  removeButtonProps={{ 'aria-label': t('brandVoice.dictionary.removeNamed', { word: entry.word }) }}
                  data-testid="dictionary-word"
                >
                  {entry.word}
                </Pill>
              ))}
            </Pill.Group>
          )}
        </Stack>
      </Panel>
    </Section>
  );
}

/** Try a text: what a writer would see in the composer. */
function TryItSection({ rules }: { rules: BrandRuleView[] }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const write = can(workspace.role, 'content:write');
  const networks = useNetworks();
  const addWord = useAddDictionaryWord(workspace.id);
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<SpellLanguage>(workspace.language);
  const [network, setNetwork] = useState<string | null>(null);
  const spelling = useSpellcheck(workspace.id, text, language, { enabled: write });
  const findings = checkBrandVoice(text, rules, network ?? undefined);
  const marks = textMarks(write ? spelling.issues : [], findings);
  const tryIt = useRef<HTMLTextAreaElement>(null);

  const replace = (issue: SpellIssue, suggestion: string) => setText((current) => current.slice(0, issue.offset) + suggestion + current.slice(issue.offset + issue.length));

  return (
    <Section title={t('brandVoice.tryIt.title')} description={t('brandVoice.tryIt.description')}>
      <Panel>
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SegmentedControl
              value={language}
              onChange={(value) => setLanguage(value as SpellLanguage)}
              data={[
                { value: 'fr', label: t('brandVoice.tryIt.french') },
                { value: 'en', label: t('brandVoice.tryIt.english') },
              ]}
              aria-label={t('brandVoice.tryIt.language')}
            />
            <Select
              aria-label={t('brandVoice.tryIt.network')}
              placeholder={t('brandVoice.tryIt.anyNetwork')}
              data={(networks.data ?? []).map((info) => ({ value: info.network, label: info.displayName }))}
              value={network}
              onChange={setNetwork}
              clearable
              w={280}
              comboboxProps={{ withinPortal: true }}
            />
            <Group gap="xs" ml="auto">
              <TemplatePicker workspaceId={workspace.id} onPick={(picked) => setText((current) => (current.trim() ? `${current.trimEnd()}\n${picked}` : picked))} />
              <HashtagGroupPicker workspaceId={workspace.id} onPick={(hashtags) => setText((current) => `${current.trimEnd()}${current.trim() ? ' ' : ''}${hashtags.join(' ')}`)} />
            </Group>
          </Group>
          <Box pos="relative" className="relais-marked">
            <TextMarksBackdrop field={tryIt} text={text} marks={marks} />
            <Textarea
              ref={tryIt}
              label={t('brandVoice.tryIt.text')}
              placeholder={t('brandVoice.tryIt.placeholder')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={5000}
              data-testid="try-it-text"
            />
          </Box>
          {text.trim() !== '' && (
            <Stack gap="sm" aria-live="polite">
              <BrandVoiceFindings findings={findings} />
              {write && <SpellingIssues issues={spelling.issues} onReplace={replace} onAddWord={(word) => addWord.mutate(word, { onError: notifyError })} />}
              {write && spelling.isChecking && (
                <Text size="xs" c="dimmed">
                  {t('brandVoice.tryIt.checking')}
                </Text>
              )}
              {spelling.error && (
                <Text size="xs" c="red">
                  {t('brandVoice.tryIt.spellingFailed', { message: spelling.error.message })}
                </Text>
              )}
              {!spelling.isChecking && !spelling.error && findings.length === 0 && spelling.issues.length === 0 && (
                <Text size="sm" c="teal" data-testid="try-it-clean">
                  {write ? t('brandVoice.tryIt.clean') : t('brandVoice.tryIt.cleanRules')}
                </Text>
              )}
            </Stack>
          )}
        </Stack>
      </Panel>
    </Section>
  );
}
