// A real Relais instance for a test: its own database on the chosen engine,
// its own data folder and port, mail delivered to a real SMTP server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { onCleanup } from './cleanup.ts';
import { loadConfig, type RawEnv } from '../../src/server/config.ts';
import { startRelais, type RunningRelais } from '../../src/server/main.ts';
import type { Engine } from '../../src/server/db/database.ts';
import { createTestDatabaseConfig } from './engines.ts';
import { freePort } from './embedded-postgres.ts';
import { startMailbox, type Mailbox } from './mailbox.ts';

export interface TestRelais {
  baseUrl: string;
  relais: RunningRelais;
  mailbox: Mailbox;
  dataDir: string;
  databaseUrl: string | undefined;
  /** What this instance logged (LOG_LEVEL debug when started with captureLogs). */
  logs(): string;
  client(locale?: string): ApiClient;
}

/**
 * On SQLite the database lives in the data folder, as in production; pass
 * `dataDir` to start a second instance on the same data.
 */
export async function startTestRelais(engine: Engine = 'sqlite', env: RawEnv = {}, options: { dataDir?: string; databaseUrl?: string; captureLogs?: boolean } = {}): Promise<TestRelais> {
  const databaseUrl = engine === 'postgres' ? (options.databaseUrl ?? ((await createTestDatabaseConfig('postgres')) as { url: string }).url) : undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'relais-data-'));
  const mailbox = await startMailbox();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    RELAIS_HOST: '127.0.0.1',
    RELAIS_BASE_URL: baseUrl,
    RELAIS_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SMTP_URL: mailbox.url,
    LOG_LEVEL: options.captureLogs ? 'debug' : 'silent',
    ...env,
  });
  // Everything Relais logs, kept so a test can prove no secret is in it.
  const logLines: string[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const relais = await startRelais(config, config.roles, { logDestination });
  onCleanup(async () => {
    await relais.stop();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return { baseUrl, relais, mailbox, dataDir, databaseUrl, logs: () => logLines.join(''), client: (locale = 'en') => new ApiClient(baseUrl, locale) };
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like caller: keeps its cookies, sends Relais' Origin and a language. */
export class ApiClient {
  readonly baseUrl: string;
  locale: string;
  private readonly cookies = new Map<string, string>();
  constructor(baseUrl: string, locale = 'en') {
    this.baseUrl = baseUrl;
    this.locale = locale;
  }

  get hasSession(): boolean {
    return this.cookies.has('relais.session_token');
  }

  async request<T = Record<string, unknown>>(method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init: RequestInit = {
      method,
      redirect: 'manual',
      headers: {
        origin: this.baseUrl,
        'accept-language': this.locale,
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(body !== undefined && typeof body !== 'string' && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      // A FormData is sent as multipart, with the boundary fetch chooses.
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body),
    };
    const response = await fetch(this.baseUrl + pathname, init);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      if (value === '' || attributes.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = Record<string, unknown>>(pathname: string) {
    return this.request<T>('GET', pathname);
  }
  /** A GET whose answer is kept as bytes (files, images), with this client's session. */
  async bytes(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(this.baseUrl + pathname, { headers: { 'accept-language': this.locale, ...(cookie ? { cookie } : {}), ...headers } });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }
  /** A GET whose body is left to the caller (a server-sent events stream), with this client's session. */
  async open(pathname: string, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return fetch(this.baseUrl + pathname, { headers: { 'accept-language': this.locale, ...(cookie ? { cookie } : {}), ...headers }, signal });
  }
  post<T = Record<string, unknown>>(pathname: string, body: unknown = {}) {
    return this.request<T>('POST', pathname, body);
  }
  patch<T = Record<string, unknown>>(pathname: string, body: unknown) {
    return this.request<T>('PATCH', pathname, body);
  }
  put<T = Record<string, unknown>>(pathname: string, body: unknown) {
    return this.request<T>('PUT', pathname, body);
  }
  delete<T = Record<string, unknown>>(pathname: string) {
    return this.request<T>('DELETE', pathname);
  }
}

export const strongPassword = 'Velvet-harbour-93-lantern';
export const otherStrongPassword = 'Quiet-meadow-41-compass';

/** Sets up the instance with an administrator and one workspace. */
export async function setUpAdminAndWorkspace(relais: TestRelais, name = 'Maison Dupont') {
  const admin = relais.client();
  const setup = await admin.post('/api/setup', { name: 'Ada Admin', email: 'ada@example.com', password: strongPassword, locale: 'en' });
  if (setup.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
  const created = await admin.post<{ workspace: { id: string } }>('/api/workspaces', { name, language: 'fr', timeZone: 'Europe/Paris' });
  if (created.status !== 201) throw new Error(`workspace creation failed: ${JSON.stringify(created.body)}`);
  return { admin, workspaceId: created.body.workspace.id };
}

/** Invites `email` with `role` and accepts as a new account through the emailed link. */
export async function inviteAndJoin(relais: TestRelais, admin: ApiClient, workspaceId: string, email: string, role: string, name = 'Camille Martin') {
  const invited = await admin.post<{ invitation: { id: string } }>(`/api/workspaces/${workspaceId}/invitations`, { email, role });
  if (invited.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(invited.body)}`);
  const member = relais.client();
  const accepted = await member.post(`/api/invitations/${invited.body.invitation.id}/accept`, { name, password: otherStrongPassword });
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return { member, invitationId: invited.body.invitation.id };
}
