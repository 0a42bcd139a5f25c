import { useState } from 'react';
import { attachmentUrl } from '../api/sanad-api';
import type { Attachment } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { attachmentKind } from '../state/attachments';

/** A message's files: pictures as thumbnails that open full size in a new tab, PDFs (and anything else) as download links. */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useI18n();
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t('attachments.label')}>
      {attachments.map((a) => (
        <li key={a.id} className="attachments__item" data-testid="message-attachment" data-content-type={a.contentType} data-attachment-id={a.id}>
          <AttachmentLink attachment={a} />
        </li>
      ))}
    </ul>
  );
}

function AttachmentLink({ attachment }: { attachment: Attachment }) {
  const { t, fileSize } = useI18n();
  // A picture that cannot be shown (gone, or not really a picture) falls back to a plain link.
  const [broken, setBroken] = useState(false);
  const url = attachmentUrl(attachment.id);
  const kind = attachmentKind(attachment.contentType);
  const size = fileSize(attachment.size);

  if (kind === 'image' && !broken) {
    return (
      <a className="attachment attachment--image" href={url} target="_blank" rel="noopener noreferrer" title={attachment.name}>
        <img className="attachment__thumb" src={url} alt="" loading="lazy" decoding="async" onError={() => setBroken(true)} />
        <span className="attachment__caption">
          <bdi className="attachment__name" dir="auto">
            {attachment.name}
          </bdi>
          <span className="attachment__size">{size}</span>
        </span>
        <span className="visually-hidden"> ({t('attachments.newTab')})</span>
      </a>
    );
  }

  return (
    <a className="attachment attachment--file" href={url} download={attachment.name} title={attachment.name}>
      <span className="attachment__icon">{kind === 'pdf' ? t('attachments.pdf') : t('attachments.file')}</span>
      <bdi className="attachment__name" dir="auto">
        {attachment.name}
      </bdi>
      <span className="attachment__size">{size}</span>
      <span className="visually-hidden"> ({t('attachments.download')})</span>
    </a>
  );
}
