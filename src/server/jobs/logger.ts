// The queue logs through whatever pino-like logger it is given. Payloads never
// go to the log: they may hold tokens or personal data.

type LogMethod = {
  (object: object, message?: string): void;
  (message: string): void;
};

export interface JobLogger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

const ignore = () => {};
export const silentLogger: JobLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/** What a failed handler left behind, short enough to keep in a row. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > 4_000 ? `${text.slice(0, 4_000)}…` : text;
}
