// Random short-link codes: not derived from anything (a code tells nothing
// about the post, and cannot be guessed from another one).
import { randomInt } from 'node:crypto';
import { shortCodeAlphabet, shortCodeLength } from '../../../shared/short-links.ts';

export function newShortCode(): string {
  let code = '';
  for (let i = 0; i < shortCodeLength; i += 1) code += shortCodeAlphabet[randomInt(shortCodeAlphabet.length)];
  return code;
}
