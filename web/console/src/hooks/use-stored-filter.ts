import { useCallback, useState } from 'react';
import { parseStoredFilter, type InboxFilter } from '../state/filters';

const storageKey = 'sanad.console.inboxFilter';

/** The inbox filter, remembered across visits (except the one-customer narrowing). */
export function useStoredFilter(): [InboxFilter, (next: InboxFilter) => void] {
  const [filter, setFilterState] = useState<InboxFilter>(() => {
    try {
      return parseStoredFilter(window.localStorage.getItem(storageKey));
    } catch {
      return parseStoredFilter(null);
    }
  });
  const setFilter = useCallback((next: InboxFilter) => {
    setFilterState(next);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify({ ...next, contactId: null }));
    } catch {
      // Not saved; it still applies now.
    }
  }, []);
  return [filter, setFilter];
}
