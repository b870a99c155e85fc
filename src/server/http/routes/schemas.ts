// zod pieces shared by the routes. Bodies are strict: unknown fields are an error.
import { z } from 'zod';
import { workspaceRoles } from '../../../shared/roles.ts';
import { locales } from '../../../shared/locales.ts';

export const errorBody = z.object({ code: z.string(), message: z.string() });
export const role = z.enum(workspaceRoles);
export const locale = z.enum(locales);
export const email = z.email().max(320);
export const password = z.string().min(1).max(256);
export const personName = z.string().trim().min(1).max(120);
export const timeZone = z.string().min(1).max(64);
export const workspaceParams = z.strictObject({ workspaceId: z.string().min(1).max(64) });

export const workspace = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role,
  language: locale,
  timeZone: z.string(),
});

export const user = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  locale: locale.nullable(),
  timeZone: z.string().nullable(),
  instanceRole: z.enum(['admin']).nullable(),
});

export const errorResponses = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
