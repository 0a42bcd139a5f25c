import { useCallback, useRef, useState } from 'react';
import type { SanadApi } from '../api/sanad-api';
import type { Contact } from '../api/types';

/**
 * A cache of contacts by id. The inbox list does not carry contact names, so each one is fetched
 * once (a few at a time) and kept; a merged id is stored under both ids.
 */
export function useContactCache(api: SanadApi) {
  const [contacts, setContacts] = useState<ReadonlyMap<string, Contact>>(() => new Map());
  const requested = useRef(new Set<string>());
  const queue = useRef<string[]>([]);
  const running = useRef(0);

  const remember = useCallback((contact: Contact, requestedId?: string) => {
    setContacts((current) => {
      const next = new Map(current);
      next.set(contact.id, contact);
      if (requestedId) next.set(requestedId, contact);
      return next;
    });
  }, []);

  const pump = useCallback(() => {
    while (running.current < 4 && queue.current.length) {
      const id = queue.current.shift()!;
      running.current += 1;
      api
        .contact(id)
        .then((contact) => remember(contact, id))
        .catch(() => {
          // Leave it out of the cache; the UI shows "#number" instead of a name. Allow a later retry.
          requested.current.delete(id);
        })
        .finally(() => {
          running.current -= 1;
          pump();
        });
    }
  }, [api, remember]);

  const request = useCallback(
    (ids: readonly string[]) => {
      for (const id of ids) {
        if (requested.current.has(id)) continue;
        requested.current.add(id);
        queue.current.push(id);
      }
      pump();
    },
    [pump],
  );

  const get = useCallback((id: string) => contacts.get(id), [contacts]);

  return { contact: get, requestContacts: request, rememberContact: remember };
}
