import { useCallback, useEffect, useState } from 'react';
import type { SanadApi } from '../api/sanad-api';
import type { ModelVersion } from '../api/types';

/** Intent model versions, newest first, with older pages on demand and a way to reload after a change. */
export function useModelVersions(api: SanadApi) {
  const [versions, setVersions] = useState<ModelVersion[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(
    (signal?: AbortSignal) => {
      api.models(null, signal).then(
        (page) => {
          setVersions(page.items);
          setNextCursor(page.nextCursor);
          setError(null);
        },
        (e: unknown) => !signal?.aborted && setError(e),
      );
    },
    [api],
  );

  useEffect(() => {
    const abort = new AbortController();
    reload(abort.signal);
    return () => abort.abort();
  }, [reload]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    api.models(nextCursor).then(
      (page) => {
        setVersions((current) => [...(current ?? []), ...page.items.filter((v) => !current?.some((c) => c.id === v.id))]);
        setNextCursor(page.nextCursor);
      },
      (e: unknown) => setError(e),
    );
  }, [api, nextCursor]);

  return { versions, error, hasMore: nextCursor !== null, loadMore, reload: () => reload() };
}
