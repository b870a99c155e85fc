// The same strength check as the server (zxcvbn, common dictionary), loaded
// on demand so the main bundle stays small.
import { useEffect, useState } from 'react';

export const minPasswordLength = 10;
/** zxcvbn score the server requires. */
export const requiredScore = 3;

type Estimator = (password: string, userInputs: string[]) => number;
let loading: Promise<Estimator> | null = null;

function loadEstimator(): Promise<Estimator> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(([core, common]) => {
    const factory = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    return (password: string, userInputs: string[]) => factory.check(password, userInputs.filter(Boolean)).score;
  });
  return loading;
}

/** zxcvbn score (0–4) of `password`, or null while the estimator loads. */
export function usePasswordScore(password: string, userInputs: string[]): number | null {
  const [result, setResult] = useState<{ password: string; score: number } | null>(null);
  const inputsKey = userInputs.join('\u0000');
  useEffect(() => {
    let active = true;
    if (!password) return;
    void loadEstimator().then((estimate) => {
      if (active) setResult({ password, score: estimate(password, inputsKey.split('\u0000')) });
    });
    return () => {
      active = false;
    };
  }, [password, inputsKey]);
  return result && result.password === password ? result.score : null;
}

export type Strength = 'empty' | 'tooShort' | 'weak' | 'fair' | 'good' | 'strong';

export function strengthOf(password: string, score: number | null): Strength {
  if (!password) return 'empty';
  if (password.length < minPasswordLength) return 'tooShort';
  if (score === null) return 'fair';
  if (score <= 1) return 'weak';
  if (score === 2) return 'fair';
  if (score === 3) return 'good';
  return 'strong';
}

/** False only when we know the server would refuse it. */
export function isAcceptable(password: string, score: number | null): boolean {
  return password.length >= minPasswordLength && (score === null || score >= requiredScore);
}
