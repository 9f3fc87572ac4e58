import { useSyncExternalStore } from 'react';

// Bumped after each decision, so the inbox and the navigation's count both reload.

let revision = 0;
const listeners = new Set<() => void>();

export function announceApprovalsChanged(): void {
  revision += 1;
  for (const l of listeners) l();
}

export function useApprovalsRevision(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => revision,
  );
}
