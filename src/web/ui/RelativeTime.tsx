// "3 days ago", with the exact date and time on hover.
import { Text, Tooltip } from '@mantine/core';
import { useFormatters } from './format.ts';

export function RelativeTime({ iso }: { iso: string }) {
  const format = useFormatters();
  return (
    <Tooltip label={format.dateTime(iso)} withArrow>
      <Text size="sm" c="dimmed" span>
        {format.relative(iso)}
      </Text>
    </Tooltip>
  );
}
