import { useEffect, useRef, useState } from 'react';
import type { SanadApi } from '../api/sanad-api';
import type { Conversation } from '../api/types';

/**
 * Conversations by id, fetched once each as new ids show up (for numbers and owners in lists that
 * only carry ids: waiting conversations, transfers). `version` refetches them all (owners change).
 */
export function useConversationLookup(api: SanadApi, ids: readonly string[], version = 0): ReadonlyMap<string, Conversation> {
  const [known, setKnown] = useState<ReadonlyMap<string, Conversation>>(new Map());
  const asked = useRef(new Map<string, number>());
  const key = [...new Set(ids)].sort().join(',');

  useEffect(() => {
    let live = true;
    for (const id of key ? key.split(',') : []) {
      if (asked.current.get(id) === version) continue;
      asked.current.set(id, version);
      api.conversation(id).then(
        (conversation) => {
          if (live) setKnown((map) => new Map(map).set(id, conversation));
        },
        () => asked.current.delete(id),
      );
    }
    return () => {
      live = false;
    };
  }, [api, key, version]);

  return known;
}
