// Internal notes on a message: for the team only, never sent to the network.
// Typing "@" offers the teammates (arrows and Enter to pick one); each one
// mentioned is notified once. One's own notes can be deleted.
import { useRef, useState } from 'react';
import { ActionIcon, Button, Combobox, Group, Paper, Stack, Text, Textarea, Tooltip, useCombobox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NoteView, TeammateView } from '../../shared/inbox.ts';
import type { ZonedFormat } from '../publishing/zoned-time.ts';
import { IconTrash } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.tsx';
import { useAddNote, useDeleteNote } from './item-api.ts';
import { MemberAvatar } from './item-bits.tsx';
import { insertMention, matchTeammates, mentionQueryAt, mentionsIn, noteParts, type Teammate } from './mentions.ts';

export function NotesPanel({ workspaceId, itemId, notes, teammates, meId, canWork, zoned }: { workspaceId: string; itemId: number; notes: NoteView[]; teammates: TeammateView[]; meId: string | null; canWork: boolean; zoned: ZonedFormat }) {
  const { t } = useTranslation();
  const remove = useDeleteNote(workspaceId);
  const names = teammates.map((teammate) => teammate.name);
  return (
    <Stack gap="xs" data-testid="item-notes">
      {notes.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('inbox.notes.none')}
        </Text>
      )}
      {notes.map((note) => (
        <Paper key={note.id} p="xs" radius="md" className="relais-inbox-note" data-testid="item-note">
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <MemberAvatar name={note.authorName} size={18} />
              <Text size="xs" fw={600} truncate="end">
                {note.authorName}
              </Text>
              <Tooltip label={zoned.dateTime(note.createdAt)} withArrow>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {zoned.relative(note.createdAt)}
                </Text>
              </Tooltip>
            </Group>
            {note.authorId === meId && (
              <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => remove.mutate({ itemId, noteId: note.id }, { onError: (error) => notifyError(error) })} aria-label={t('inbox.notes.delete')}>
                <IconTrash size={13} />
              </ActionIcon>
            )}
          </Group>
          <Text size="sm" mt={2} className="relais-inbox-bubble-text">
            {noteParts(note.body, names).map((part, index) =>
              part.mention ? (
                <span key={index} className="relais-inbox-mention">
                  {part.text}
                </span>
              ) : (
                part.text
              ),
            )}
          </Text>
        </Paper>
      ))}
      {canWork && <NoteComposer workspaceId={workspaceId} itemId={itemId} teammates={teammates} meId={meId} />}
    </Stack>
  );
}

function NoteComposer({ workspaceId, itemId, teammates, meId }: { workspaceId: string; itemId: number; teammates: TeammateView[]; meId: string | null }) {
  const { t } = useTranslation();
  const add = useAddNote(workspaceId);
  const [body, setBody] = useState('');
  const [picked, setPicked] = useState<Teammate[]>([]);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const others = teammates.filter((member) => member.userId !== meId).map((member) => ({ userId: member.userId, name: member.name }));
  const matches = query ? matchTeammates(query.query, others) : [];

  const follow = (text: string, caret: number) => {
    const found = mentionQueryAt(text, caret);
    setQuery(found);
    if (found && matchTeammates(found.query, others).length > 0) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else combobox.closeDropdown();
  };

  const choose = (userId: string) => {
    const teammate = others.find((other) => other.userId === userId);
    const caret = textarea.current?.selectionStart ?? body.length;
    if (!teammate || !query) return;
    const next = insertMention(body, query.start, caret, teammate.name);
    setBody(next.text);
    setPicked((list) => (list.some((p) => p.userId === userId) ? list : [...list, teammate]));
    setQuery(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = () => {
    const text = body.trim();
    if (!text) return;
    add.mutate(
      { itemId, body: text, mentions: mentionsIn(text, picked) },
      {
        onSuccess: () => {
          setBody('');
          setPicked([]);
        },
        onError: (error) => notifyError(error),
      },
    );
  };

  return (
    <Stack gap={6} data-testid="note-box">
      <Combobox store={combobox} onOptionSubmit={choose} position="bottom-start" withinPortal>
        <Combobox.Target targetType="input" withKeyboardNavigation={false}>
          <Textarea
            ref={textarea}
            autosize
            minRows={2}
            maxRows={8}
            value={body}
            onChange={(event) => {
              setBody(event.currentTarget.value);
              follow(event.currentTarget.value, event.currentTarget.selectionStart);
            }}
            onKeyDown={(event) => {
              // Arrows move in the list of teammates while it is open, and in the text otherwise.
              if (combobox.dropdownOpened && matches.length > 0) {
                if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                  event.preventDefault();
                  if (event.key === 'ArrowDown') combobox.selectNextOption();
                  else combobox.selectPreviousOption();
                  return;
                }
                if (event.key === 'Enter' || event.key === 'Tab') {
                  event.preventDefault();
                  combobox.clickSelectedOption();
                  return;
                }
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  combobox.closeDropdown();
                  return;
                }
              }
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
            }}
            onClick={(event) => follow(event.currentTarget.value, event.currentTarget.selectionStart)}
            onBlur={() => combobox.closeDropdown()}
            placeholder={t('inbox.notes.placeholder')}
            aria-label={t('inbox.notes.label')}
            data-testid="note-text"
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={matches.length === 0} data-testid="note-mention-options">
          <Combobox.Options>
            {matches.map((teammate) => (
              <Combobox.Option key={teammate.userId} value={teammate.userId} onMouseDown={(event) => event.preventDefault()}>
                <Group gap={8} wrap="nowrap">
                  <MemberAvatar name={teammate.name} size={20} />
                  <Text size="sm">{teammate.name}</Text>
                </Group>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t('inbox.notes.hint')}
        </Text>
        <Button size="xs" variant="light" disabled={!body.trim()} loading={add.isPending} onClick={submit} data-testid="note-add">
          {t('inbox.notes.add')}
        </Button>
      </Group>
    </Stack>
  );
}
