import { useCallback, useEffect, useState } from 'react';
import type { SanadApi } from '../api/sanad-api';
import type { IntentCategory } from '../api/types';

/** The workspace's intent categories, with a way to reload them or put a changed one in place. */
export function useCategories(api: SanadApi) {
  const [categories, setCategories] = useState<IntentCategory[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback((signal?: AbortSignal) => {
    api.categories(signal).then(
      (items) => {
        setCategories(items);
        setError(null);
      },
      (e: unknown) => !signal?.aborted && setError(e),
    );
  }, [api]);

  useEffect(() => {
    const abort = new AbortController();
    reload(abort.signal);
    return () => abort.abort();
  }, [reload]);

  /** Puts a category the server just answered with in the list (new ones go last). */
  const remember = useCallback((category: IntentCategory) => {
    setCategories((current) => {
      const list = current ?? [];
      return list.some((c) => c.name === category.name) ? list.map((c) => (c.name === category.name ? category : c)) : [...list, category];
    });
  }, []);

  return { categories, error, reload: () => reload(), remember };
}
