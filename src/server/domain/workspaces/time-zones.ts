import { AppError } from '../../errors.ts';

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(value: string | undefined | null): void {
  if (value != null && !isTimeZone(value)) throw new AppError(400, 'invalid_time_zone', { timeZone: value });
}
