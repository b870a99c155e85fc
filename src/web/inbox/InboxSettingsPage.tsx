// The inbox's settings, in tabs: saved replies (French and English, with
// variables and a live preview), rules (conditions → actions, a dry run on
// recent messages, order, on/off), opening hours and response targets, and the
// response-time report for the boss.
import { useMemo, useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Tabs, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { BusinessHours, InboxSettings, ResponseFigures, RuleAction, RuleInput, RuleView, SavedReplyView } from '../../shared/inbox.ts';
import { savedReplyVariables } from '../../shared/inbox.ts';
import { can } from '../../shared/roles.ts';
import { renderSavedReply, valuesFor } from '../../shared/saved-reply-render.ts';
import { useChannels } from '../api/channels.ts';
import { useMembers } from '../api/members.ts';
import { isApiError } from '../api/client.ts';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { PageHeader } from '../ui/page.tsx';
import { Empty, QueryError, TableSkeleton } from '../ui/states.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { useDeleteRule, useDeleteSavedReply, useInboxSettings, useReorderRules, useResponseReport, useRules, useSaveInboxSettings, useSaveRule, useSavedReplies, useSaveSavedReply, useTestRule } from './inbox-api.ts';
import { formatDuration } from './item-bits.tsx';

const tabs = ['saved-replies', 'rules', 'hours', 'report'] as const;

export function InboxSettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as (typeof tabs)[number]) : 'saved-replies';
  return (
    <>
      <PageHeader title={t('inboxSettings.title')} description={t('inboxSettings.description')} />
      <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? 'saved-replies' }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`inbox-settings-tab-${name}`}>
              {t(`inboxSettings.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="saved-replies">
          <SavedRepliesTab />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <RulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="hours">
          <HoursTab />
        </Tabs.Panel>
        <Tabs.Panel value="report">
          <ReportTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function SavedRepliesTab() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const saved = useSavedReplies(workspace.id);
  const remove = useDeleteSavedReply(workspace.id);
  const canEdit = can(workspace.role, 'inbox:reply');
  const [editing, setEditing] = useState<SavedReplyView | 'new' | null>(null);
  if (saved.isPending) return <TableSkeleton />;
  if (saved.isError) return <QueryError error={saved.error} />;
  return (
    <Stack>
      {canEdit && (
        <Group>
          <Button onClick={() => setEditing('new')} data-testid="saved-reply-new">
            {t('inboxSettings.saved.new')}
          </Button>
        </Group>
      )}
      {saved.data.length === 0 ? (
        <Empty title={t('inboxSettings.saved.empty.title')} description={t('inboxSettings.saved.empty.text')} />
      ) : (
        <Table striped data-testid="saved-replies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inboxSettings.saved.titleField')}</Table.Th>
              <Table.Th>{t('inboxSettings.saved.language')}</Table.Th>
              <Table.Th>{t('inboxSettings.saved.body')}</Table.Th>
              <Table.Th>{t('inboxSettings.saved.uses')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {saved.data.map((reply) => (
              <Table.Tr key={reply.id}>
                <Table.Td fw={600}>{reply.title}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{reply.language.toUpperCase()}</Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {reply.body}
                  </Text>
                </Table.Td>
                <Table.Td>{reply.useCount}</Table.Td>
                <Table.Td>
                  {canEdit && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setEditing(reply)}>
                        {t('common.edit')}
                      </Button>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove.mutate(reply.id, { onError: (e) => notifyError(e) })}>
                        {t('common.delete')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <SavedReplyDialog reply={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function SavedReplyDialog({ reply, onClose }: { reply: SavedReplyView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const save = useSaveSavedReply(workspace.id);
  const [title, setTitle] = useState(reply?.title ?? '');
  const [language, setLanguage] = useState<'fr' | 'en'>(reply?.language ?? 'fr');
  const [body, setBody] = useState(reply?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const sample = valuesFor({ displayName: 'Camille Martin', handle: 'camille.bsky.social', channel: '@maison', agent: 'Léa' });
  return (
    <Modal opened onClose={onClose} title={reply ? t('inboxSettings.saved.edit') : t('inboxSettings.saved.new')} size="lg">
      <Stack>
        <TextInput label={t('inboxSettings.saved.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="saved-reply-title" />
        <SegmentedControl value={language} onChange={(v) => setLanguage(v as 'fr' | 'en')} data={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} />
        <Textarea label={t('inboxSettings.saved.body')} autosize minRows={4} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={error} data-testid="saved-reply-body" />
        <Group gap={4}>
          {savedReplyVariables.map((name) => (
            <Button key={name} size="compact-xs" variant="light" onClick={() => setBody((b) => `${b}{{${name}}}`)}>
              {`{{${name}}}`}
            </Button>
          ))}
        </Group>
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            {t('inboxSettings.saved.preview')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="saved-reply-preview">
            {renderSavedReply(body, sample)}
          </Text>
        </Paper>
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            disabled={!title.trim() || !body.trim()}
            onClick={() =>
              save.mutate(
                { id: reply?.id ?? null, input: { title, language, body } },
                { onSuccess: onClose, onError: (e) => (isApiError(e) ? setError(e.message) : notifyError(e)) },
              )
            }
            data-testid="saved-reply-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RulesTab() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const rules = useRules(workspace.id);
  const remove = useDeleteRule(workspace.id);
  const reorder = useReorderRules(workspace.id);
  const save = useSaveRule(workspace.id);
  const canManage = can(workspace.role, 'inbox:manage');
  const [editing, setEditing] = useState<RuleView | 'new' | null>(null);
  if (rules.isPending) return <TableSkeleton />;
  if (rules.isError) return <QueryError error={rules.error} />;
  const move = (index: number, step: number) => {
    const ids = rules.data.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + step, 0, id);
    reorder.mutate(ids, { onError: (e) => notifyError(e) });
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('inboxSettings.rules.intro')}
      </Text>
      {canManage && (
        <Group>
          <Button onClick={() => setEditing('new')} data-testid="rule-new">
            {t('inboxSettings.rules.new')}
          </Button>
        </Group>
      )}
      {rules.data.length === 0 ? (
        <Empty title={t('inboxSettings.rules.empty.title')} description={t('inboxSettings.rules.empty.text')} />
      ) : (
        <Stack gap="xs" data-testid="rules">
          {rules.data.map((rule, index) => (
            <Paper key={rule.id} withBorder p="sm" radius="md" data-testid="rule">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Text fw={600}>{rule.name}</Text>
                  <Text size="xs" c="dimmed">
                    {t('inboxSettings.rules.matched', { count: rule.matchCount })}
                  </Text>
                </Stack>
                {canManage && (
                  <Group gap={4} wrap="nowrap">
                    <Switch checked={rule.enabled} onChange={(e) => save.mutate({ id: rule.id, input: { name: rule.name, enabled: e.currentTarget.checked, conditions: rule.conditions, actions: rule.actions } }, { onError: (err) => notifyError(err) })} aria-label={t('inboxSettings.rules.enabled')} />
                    <Button size="compact-sm" variant="subtle" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('inboxSettings.rules.up')}>
                      ↑
                    </Button>
                    <Button size="compact-sm" variant="subtle" disabled={index === rules.data.length - 1} onClick={() => move(index, 1)} aria-label={t('inboxSettings.rules.down')}>
                      ↓
                    </Button>
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing(rule)}>
                      {t('common.edit')}
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove.mutate(rule.id, { onError: (e) => notifyError(e) })}>
                      {t('common.delete')}
                    </Button>
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {editing && <RuleDialog rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

const actionTypes: Array<RuleAction['type']> = ['tag', 'assign', 'priority', 'markDone', 'markSpam', 'notify'];

function RuleDialog({ rule, onClose }: { rule: RuleView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const save = useSaveRule(workspace.id);
  const test = useTestRule(workspace.id);
  const channels = useChannels(workspace.id);
  const members = useMembers(workspace.id);
  const [name, setName] = useState(rule?.name ?? '');
  const [keywords, setKeywords] = useState<string[]>(rule?.conditions.keywords ?? []);
  const [query, setQuery] = useState(rule?.conditions.query ?? '');
  const [channelIds, setChannelIds] = useState<string[]>(rule?.conditions.channelIds ?? []);
  const [sentiments, setSentiments] = useState<string[]>(rule?.conditions.sentiments ?? []);
  const [languages, setLanguages] = useState<string[]>(rule?.conditions.languages ?? []);
  const [minFollowers, setMinFollowers] = useState<number | ''>(rule?.conditions.minFollowers ?? '');
  const [actions, setActions] = useState<RuleAction[]>(rule?.actions ?? [{ type: 'tag', tag: '' }]);
  const [error, setError] = useState<string | null>(null);
  const people = (members.data ?? []).filter((m) => can(m.role, 'inbox:work')).map((m) => ({ value: m.userId, label: m.name }));
  const input: RuleInput = useMemo(
    () => ({
      name,
      enabled: rule?.enabled ?? true,
      conditions: {
        ...(keywords.length ? { keywords } : {}),
        ...(query.trim() ? { query: query.trim() } : {}),
        ...(channelIds.length ? { channelIds } : {}),
        ...(sentiments.length ? { sentiments: sentiments as Array<'negative'> } : {}),
        ...(languages.length ? { languages } : {}),
        ...(minFollowers ? { minFollowers: Number(minFollowers) } : {}),
      },
      actions,
    }),
    [name, rule, keywords, query, channelIds, sentiments, languages, minFollowers, actions],
  );
  const setAction = (index: number, action: RuleAction) => setActions((list) => list.map((a, i) => (i === index ? action : a)));
  const blank = (type: RuleAction['type']): RuleAction =>
    type === 'tag' ? { type, tag: '' } : type === 'assign' ? { type, userId: people[0]?.value ?? '' } : type === 'priority' ? { type, priority: 1 } : type === 'notify' ? { type, userIds: [] } : { type };
  return (
    <Modal opened onClose={onClose} title={rule ? t('inboxSettings.rules.edit') : t('inboxSettings.rules.new')} size="xl">
      <Stack>
        <TextInput label={t('inboxSettings.rules.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="rule-name" />
        <Text fw={600} size="sm">
          {t('inboxSettings.rules.when')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput label={t('inboxSettings.rules.keywords')} value={keywords} onChange={setKeywords} data-testid="rule-keywords" />
          <TextInput label={t('inboxSettings.rules.query')} description={t('inboxSettings.rules.queryHint')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-testid="rule-query" />
          <MultiSelect label={t('inbox.filters.channel')} data={(channels.data ?? []).map((c) => ({ value: c.id, label: `@${c.handle}` }))} value={channelIds} onChange={setChannelIds} />
          <MultiSelect label={t('inbox.filters.sentiment')} data={['negative', 'neutral', 'positive'].map((s) => ({ value: s, label: t(`inbox.sentiment.${s}`) }))} value={sentiments} onChange={setSentiments} data-testid="rule-sentiments" />
          <MultiSelect label={t('inbox.filters.language')} data={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} value={languages} onChange={setLanguages} />
          <NumberInput label={t('inboxSettings.rules.minFollowers')} min={0} value={minFollowers} onChange={(v) => setMinFollowers(typeof v === 'number' ? v : '')} />
        </SimpleGrid>
        <Text fw={600} size="sm">
          {t('inboxSettings.rules.then')}
        </Text>
        {actions.map((action, index) => (
          <Group key={index} gap="xs" align="flex-end" data-testid="rule-action">
            <Select w={200} data={actionTypes.map((type) => ({ value: type, label: t(`inboxSettings.rules.actions.${type}`) }))} value={action.type} onChange={(v) => v && setAction(index, blank(v as RuleAction['type']))} allowDeselect={false} />
            {action.type === 'tag' && <TextInput placeholder={t('inbox.filters.tag')} value={action.tag} onChange={(e) => setAction(index, { type: 'tag', tag: e.currentTarget.value })} data-testid="rule-action-tag" />}
            {action.type === 'assign' && <Select data={people} value={action.userId} onChange={(v) => v && setAction(index, { type: 'assign', userId: v })} />}
            {action.type === 'priority' && <Select data={[1, 2].map((p) => ({ value: String(p), label: t(`inbox.priority.${p}`) }))} value={String(action.priority)} onChange={(v) => setAction(index, { type: 'priority', priority: Number(v) as 1 | 2 })} />}
            {action.type === 'notify' && <MultiSelect w={260} data={people} value={action.userIds} onChange={(ids) => setAction(index, { type: 'notify', userIds: ids })} />}
            <Button variant="subtle" color="red" size="compact-sm" disabled={actions.length === 1} onClick={() => setActions((list) => list.filter((_, i) => i !== index))}>
              {t('common.delete')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => setActions((list) => [...list, { type: 'tag', tag: '' }])}>
            {t('inboxSettings.rules.addAction')}
          </Button>
        </Group>
        {error && (
          <Text c="red" size="sm" data-testid="rule-error">
            {error}
          </Text>
        )}
        {test.data && (
          <Paper withBorder p="sm" radius="md" data-testid="rule-test-result">
            <Text size="sm" fw={600}>
              {t('inboxSettings.rules.testResult', { count: test.data.items.length })}
            </Text>
            {test.data.items.slice(0, 10).map((item) => (
              <Text key={item.id} size="xs" lineClamp={1}>
                @{item.author.handle}: {item.text}
              </Text>
            ))}
          </Paper>
        )}
        <Group justify="flex-end">
          <Button variant="light" onClick={() => test.mutate(input, { onError: (e) => (isApiError(e) ? setError(e.message) : notifyError(e)) })} loading={test.isPending} data-testid="rule-test">
            {t('inboxSettings.rules.test')}
          </Button>
          <Button
            loading={save.isPending}
            disabled={!name.trim()}
            onClick={() => {
              setError(null);
              save.mutate({ id: rule?.id ?? null, input }, { onSuccess: onClose, onError: (e) => (isApiError(e) ? setError(e.message) : notifyError(e)) });
            }}
            data-testid="rule-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const weekdays = [1, 2, 3, 4, 5, 6, 7];

function HoursTab() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const settings = useInboxSettings(workspace.id);
  // The save lives here, not in the form: saving refetches the settings, which remounts the form (its key),
  // and a mutation's own callbacks are dropped when the component that started it is gone.
  const save = useSaveInboxSettings(workspace.id);
  if (settings.isPending) return <TableSkeleton />;
  if (settings.isError) return <QueryError error={settings.error} />;
  return <HoursForm key={JSON.stringify(settings.data)} initial={settings.data} save={save} canManage={can(workspace.role, 'inbox:manage')} zone={settings.data.timeZone} t={t} />;
}

function HoursForm({ initial, save, canManage, zone, t }: { initial: InboxSettings; save: ReturnType<typeof useSaveInboxSettings>; canManage: boolean; zone: string; t: ReturnType<typeof useTranslation>['t'] }) {
  const [hours, setHours] = useState<BusinessHours>(initial.businessHours);
  const [firstResponse, setFirstResponse] = useState(initial.firstResponseTargetMinutes);
  const [resolution, setResolution] = useState(initial.resolutionTargetMinutes);
  const [approval, setApproval] = useState(initial.replyApproval);
  const [error, setError] = useState<string | null>(null);
  const dayRange = (weekday: number) => hours.days.find((d) => d.weekday === weekday) ?? null;
  const setDay = (weekday: number, range: { start: string; end: string } | null) =>
    setHours((h) => ({ ...h, days: [...h.days.filter((d) => d.weekday !== weekday), ...(range ? [{ weekday, ...range }] : [])].sort((a, b) => a.weekday - b.weekday) }));
  return (
    <Stack maw={640}>
      <Text size="sm" c="dimmed">
        {t('inboxSettings.hours.intro', { zone: zone.replaceAll('_', ' ') })}
      </Text>
      <Switch label={t('inboxSettings.hours.alwaysOpen')} checked={hours.alwaysOpen} onChange={(e) => setHours((h) => ({ ...h, alwaysOpen: e.currentTarget.checked }))} disabled={!canManage} />
      {!hours.alwaysOpen &&
        weekdays.map((weekday) => {
          const range = dayRange(weekday);
          return (
            <Group key={weekday} gap="sm" data-testid={`hours-day-${weekday}`}>
              <Checkbox w={140} label={t(`inboxSettings.hours.days.${weekday}`)} checked={range !== null} onChange={(e) => setDay(weekday, e.currentTarget.checked ? { start: '09:00', end: '18:00' } : null)} disabled={!canManage} />
              {range && (
                <>
                  <TextInput type="time" w={150} value={range.start} onChange={(e) => setDay(weekday, { ...range, start: e.currentTarget.value })} disabled={!canManage} aria-label={t('inboxSettings.hours.start')} />
                  <Text>–</Text>
                  <TextInput type="time" w={150} value={range.end} onChange={(e) => setDay(weekday, { ...range, end: e.currentTarget.value })} disabled={!canManage} aria-label={t('inboxSettings.hours.end')} />
                </>
              )}
            </Group>
          );
        })}
      <SimpleGrid cols={2}>
        <NumberInput label={t('inboxSettings.hours.firstResponse')} suffix=" min" min={1} value={firstResponse} onChange={(v) => setFirstResponse(Number(v) || 1)} disabled={!canManage} data-testid="target-first-response" />
        <NumberInput label={t('inboxSettings.hours.resolution')} suffix=" min" min={1} value={resolution} onChange={(v) => setResolution(Number(v) || 1)} disabled={!canManage} />
      </SimpleGrid>
      <Switch label={t('inboxSettings.hours.approval')} description={t('inboxSettings.hours.approvalHint')} checked={approval} onChange={(e) => setApproval(e.currentTarget.checked)} disabled={!canManage} data-testid="reply-approval" />
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
      {canManage && (
        <Group>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { businessHours: hours, firstResponseTargetMinutes: firstResponse, resolutionTargetMinutes: resolution, replyApproval: approval },
                { onSuccess: () => notifySuccess(t('inboxSettings.hours.saved')), onError: (e) => (isApiError(e) ? setError(e.message) : notifyError(e)) },
              )
            }
            data-testid="hours-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ReportTab() {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [days, setDays] = useState('30');
  const period = useMemo(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - Number(days) * 86_400_000).toISOString(), to: to.toISOString() };
  }, [days]);
  const report = useResponseReport(workspace.id, period);
  const duration = (ms: number | null) => formatDuration(ms, i18n.language);
  const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
  const row = (label: string, f: ResponseFigures, key: string) => (
    <Table.Tr key={key}>
      <Table.Td fw={600}>{label}</Table.Td>
      <Table.Td>{f.items}</Table.Td>
      <Table.Td>{f.responded}</Table.Td>
      <Table.Td>{duration(f.medianFirstResponseMs)}</Table.Td>
      <Table.Td>{share(f.withinTarget)}</Table.Td>
      <Table.Td>{duration(f.medianResolutionMs)}</Table.Td>
      <Table.Td c={f.overdueNow ? 'red' : undefined}>{f.overdueNow}</Table.Td>
    </Table.Tr>
  );
  const head = (
    <Table.Thead>
      <Table.Tr>
        <Table.Th />
        <Table.Th>{t('inboxSettings.report.items')}</Table.Th>
        <Table.Th>{t('inboxSettings.report.responded')}</Table.Th>
        <Table.Th>{t('inboxSettings.report.medianFirst')}</Table.Th>
        <Table.Th>{t('inboxSettings.report.withinTarget')}</Table.Th>
        <Table.Th>{t('inboxSettings.report.medianResolution')}</Table.Th>
        <Table.Th>{t('inboxSettings.report.overdue')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <Stack>
      <SegmentedControl value={days} onChange={setDays} data={['7', '30', '90'].map((d) => ({ value: d, label: t('inboxSettings.report.days', { count: Number(d) }) }))} style={{ alignSelf: 'flex-start' }} />
      {report.isPending ? (
        <TableSkeleton />
      ) : report.isError ? (
        <QueryError error={report.error} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="report-figures">
            {[
              [t('inboxSettings.report.items'), String(report.data.overall.items)],
              [t('inboxSettings.report.medianFirst'), duration(report.data.overall.medianFirstResponseMs)],
              [t('inboxSettings.report.withinTargetOf', { minutes: report.data.targets.firstResponseMinutes }), share(report.data.overall.withinTarget)],
              [t('inboxSettings.report.overdue'), String(report.data.overall.overdueNow)],
            ].map(([label, value]) => (
              <Paper key={label} withBorder p="md" radius="md">
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text size="xl" fw={700}>
                  {value}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Text fw={600}>{t('inboxSettings.report.byTeammate')}</Text>
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="report-teammates">
              {head}
              <Table.Tbody>{report.data.byTeammate.map((f) => row(f.name, f, f.userId))}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text fw={600}>{t('inboxSettings.report.byChannel')}</Text>
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="report-channels">
              {head}
              <Table.Tbody>{report.data.byChannel.map((f) => row(f.name, f, f.channelId))}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
