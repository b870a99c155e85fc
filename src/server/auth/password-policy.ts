// Passwords must resist guessing, not just be long: zxcvbn scores them against
// common passwords, names and patterns (the same check as the web form's hint).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from '../errors.ts';

export const minPasswordLength = 10;
export const maxPasswordLength = 256;

const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** Throws a translated `weak_password` error unless the password is strong enough. */
export function assertStrongPassword(password: string, userInputs: string[] = []): void {
  if (password.length < minPasswordLength) throw new AppError(400, 'password_too_short', { min: minPasswordLength });
  if (password.length > maxPasswordLength) throw new AppError(400, 'password_too_long');
  const { score } = estimator.check(password, ['relais', ...userInputs.filter(Boolean)]);
  if (score < 3) throw new AppError(400, 'weak_password');
}
