// The documentation of the CSV columns, in the person's language: the English
// and French header names the import accepts, what each holds, an example.
import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../ui/page.tsx';

const columns = [
  { name: 'date', french: 'date_heure' },
  { name: 'channels', french: 'canaux' },
  { name: 'text', french: 'texte' },
  { name: 'media_url', french: 'url_media' },
  { name: 'alt_text', french: 'texte_alternatif' },
  { name: 'first_reply', french: 'premiere_reponse' },
  { name: 'campaign', french: 'campagne' },
  { name: 'state', french: 'etat' },
  { name: 'published_url', french: 'url_publiee' },
] as const;

export function CsvColumnsHelp() {
  const { t } = useTranslation();
  return (
    <Section title={t('bulk.columns.title')} description={t('bulk.columns.intro')}>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" withTableBorder data-testid="csv-columns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bulk.columns.name')}</Table.Th>
              <Table.Th>{t('bulk.columns.french')}</Table.Th>
              <Table.Th>{t('bulk.columns.meaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column) => (
              <Table.Tr key={column.name}>
                <Table.Td>
                  <Code>{column.name}</Code>
                </Table.Td>
                <Table.Td>
                  <Code>{column.french}</Code>
                </Table.Td>
                <Table.Td className="relais-wrap">
                  <Text size="sm">{t(`bulk.columns.${column.name}`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('bulk.columns.example')} <Code>{t(`bulk.columns.${column.name}Example`)}</Code>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
