// Turns an error thrown by a better-auth server call into a translated AppError.
import { AppError } from '../errors.ts';
import type { MessageCode } from '../i18n/messages.ts';

const codes: Record<string, [number, MessageCode]> = {
  USER_ALREADY_EXISTS: [409, 'email_taken'],
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: [409, 'email_taken'],
  INVALID_PASSWORD: [400, 'wrong_current_password'],
  INVALID_EMAIL_OR_PASSWORD: [401, 'invalid_credentials'],
  PASSWORD_TOO_SHORT: [400, 'password_too_short'],
  PASSWORD_TOO_LONG: [400, 'password_too_long'],
  INVALID_EMAIL: [400, 'invalid_email'],
  INVITATION_NOT_FOUND: [400, 'invitation_used'],
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: [409, 'already_member'],
  USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION: [409, 'already_invited'],
  YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION: [403, 'invitation_wrong_account'],
  YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE: [403, 'role_not_allowed'],
  YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION: [403, 'instance_admin_required'],
};

export function fromAuthError(error: unknown): never {
  if (error instanceof AppError) throw error;
  const body = (error as { body?: { code?: string } }).body;
  const known = body?.code ? codes[body.code] : undefined;
  if (known) throw new AppError(known[0], known[1], { min: 10, email: '' });
  throw error;
}

/** Runs a better-auth call, translating its errors. */
export async function authCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    return fromAuthError(error);
  }
}
