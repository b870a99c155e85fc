// The calendar page, loaded the first time it is opened: FullCalendar is a
// large library that no other page needs.
import { lazy, Suspense } from 'react';
import { TableSkeleton } from '../ui/states.tsx';

const CalendarPage = lazy(async () => ({ default: (await import('./CalendarPage.tsx')).CalendarPage }));

export function CalendarRoute() {
  return (
    <Suspense fallback={<TableSkeleton rows={6} />}>
      <CalendarPage />
    </Suspense>
  );
}
