import { useImperativeHandle, useState, type Ref, type RefObject } from 'react';
import type { Conversation } from '../api/types';
import { useConsole } from '../console-context';
import { useConversation } from '../hooks/use-conversation';
import { useConversationEmail } from '../hooks/use-email';
import { describeError, describeServerError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import type { ConversationPatch } from '../state/inbox';
import { Composer, type ComposerHandle } from './Composer';
import { ContactPanel } from './ContactPanel';
import { ConversationActions } from './ConversationActions';
import { ConversationHeader } from './ConversationHeader';
import { MessageList } from './MessageList';
import { TriagePanel } from './TriagePanel';

export interface ConversationHandle {
  /** Resolves an open or pending conversation, reopens a resolved one; false when neither applies. */
  toggleResolved: () => boolean;
}

export interface ConversationScreenProps {
  id: string;
  ref: Ref<ConversationHandle>;
  composerRef: RefObject<ComposerHandle | null>;
  onConversation: (conversation: ConversationPatch) => void;
  onActivity: (conversationId: string, seq: number, at: string, bumps: boolean) => void;
  onOpen: (id: string) => void;
}

/** The open conversation (main) and its customer (aside). */
export function ConversationScreen({ id, ref, composerRef, onConversation, onActivity, onOpen }: ConversationScreenProps) {
  const { t } = useI18n();
  const { api, live, contact } = useConsole();
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Bumped when something new happens to the customer here (a callback): their timeline is fetched again. */
  const [customerVersion, setCustomerVersion] = useState(0);
  const view = useConversation(api, live, id, {
    onConversation,
    onMessage: (m) => onActivity(m.conversationId, m.seq, m.createdAt, m.kind !== 'system'),
  });
  const conversation = view.conversation;
  const email = useConversationEmail(api, live, conversation, view.timeline.messages);

  const run = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setActionError(null);
    try {
      await action();
      return true;
    } catch (error) {
      setActionError(describeError(t, error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const toggleResolved = (c: Conversation) => run(() => view.setStatus(c.status === 'resolved' ? 'open' : 'resolved'));

  useImperativeHandle(ref, () => ({
    toggleResolved: () => {
      if (!conversation || conversation.status === 'closed' || busy) return false;
      void toggleResolved(conversation);
      return true;
    },
  }));

  if (view.loadError) {
    return (
      <main id="conversation-main" className="conversation conversation--empty" tabIndex={-1}>
        <p className="form-error" role="alert">
          {view.loadError.status === 404 ? t('conversation.notFound') : describeError(t, view.loadError)}
        </p>
      </main>
    );
  }
  if (!conversation) {
    return (
      <main id="conversation-main" className="conversation conversation--empty" tabIndex={-1} aria-busy="true">
        <p className="centered-note" role="status">
          {t('conversation.loading')}
        </p>
      </main>
    );
  }

  const known = contact(conversation.contactId);
  const contactName = known ? (known.name ?? t('contact.unnamed')) : null;

  return (
    <>
      <main id="conversation-main" className="conversation" aria-labelledby="conversation-title" tabIndex={-1} data-testid="conversation" data-conversation-id={conversation.id}>
        <ConversationHeader conversation={conversation} contactName={contactName} />
        <ConversationActions
          conversation={conversation} busy={busy}
          onToggleResolved={() => void toggleResolved(conversation)}
          onPending={() => void run(() => view.setStatus('pending'))}
          onAssign={(body) => run(() => view.assign(body))}
          onCallbackScheduled={() => setCustomerVersion((v) => v + 1)}
        />
        {actionError && (
          <p className="form-error conversation__error" role="alert" data-testid="action-error">
            {actionError}
          </p>
        )}
        <MessageList
          timeline={view.timeline} loaded={view.loaded} contactName={contactName} typing={view.typing}
          onRetry={view.retry} onDiscard={view.discard} emails={email.views} onRetryDelivery={email.retryDelivery}
        />
        {email.error !== null && (
          <p className="form-error conversation__error" role="alert" data-testid="email-error">
            {t('email.loadError', { message: describeServerError(t, email.error) })}
          </p>
        )}
        <Composer
          ref={composerRef} conversationId={conversation.id} closed={conversation.status === 'closed'}
          onSend={view.send} onTyping={view.sendTyping}
        />
      </main>
      <ContactPanel contactId={conversation.contactId} currentId={conversation.id} version={`${conversation.status}|${conversation.lastSeq}|${customerVersion}`} onOpen={onOpen}>
        <TriagePanel conversation={conversation} onSetIntent={view.setIntent} />
      </ContactPanel>
    </>
  );
}
