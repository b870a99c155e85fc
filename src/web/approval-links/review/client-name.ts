// The client's name, remembered on their own device so that each approval and
// comment does not ask for it again.
import { useState } from 'react';

const key = 'relais.review.client-name';

function read(): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function useClientName(): [string, (name: string) => void] {
  const [name, setName] = useState(read);
  const update = (next: string) => {
    setName(next);
    try {
      if (next.trim()) localStorage.setItem(key, next.trim());
      else localStorage.removeItem(key);
    } catch {
      // Private browsing: the name is kept for this visit only.
    }
  };
  return [name, update];
}
