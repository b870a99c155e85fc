// Job handlers are plain async functions registered by name. The queue stores
// only the name and a JSON payload, so handlers must be registered in every
// process that runs a worker.

export interface JobContext {
  job: { id: number; name: string; attempts: number; maxAttempts: number; workspaceId: string | null };
  /** Aborted when the worker stops or loses this job's lease; long handlers should honour it. */
  signal: AbortSignal;
}

export type JobHandler<P = unknown> = (payload: P, context: JobContext) => Promise<void>;

export class HandlerRegistry {
  readonly #handlers = new Map<string, JobHandler>();

  register<P>(name: string, handler: JobHandler<P>): this {
    if (this.#handlers.has(name)) throw new Error(`a handler for job "${name}" is already registered`);
    this.#handlers.set(name, handler as JobHandler);
    return this;
  }

  get(name: string): JobHandler | undefined {
    return this.#handlers.get(name);
  }

  names(): string[] {
    return [...this.#handlers.keys()];
  }
}
