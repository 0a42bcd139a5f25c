import { useEffect, useMemo, useRef, useState } from 'react';
import { emailFrameDocument } from '../state/email';

/**
 * The frame's sandbox. No allow-scripts: nothing in the mail runs, whatever slipped past the
 * sanitiser, and the document's CSP (default-src 'none') says the same a second time.
 *
 * allow-same-origin is there on purpose, and is safe only because allow-scripts is not: the
 * dangerous pair is the two together (a same-origin script could lift its own sandbox). With it,
 * (1) the console can read the mail's height to size the frame, and (2) inline cid: pictures,
 * served by /api/v1/attachments with the agent's SameSite session cookie, load — an opaque-origin
 * frame would be treated as cross-site and get no cookie. 'self' in the frame's CSP then means
 * Sanad's own origin. Without scripts, being same-origin gives the mail nothing it can act with.
 *
 * allow-popups(-to-escape-sandbox): the server gives every link target="_blank" rel="noopener",
 * so a link opens as a normal, separate tab; javascript: links are removed by the server and
 * blocked by the frame's CSP. No allow-top-navigation and no allow-forms: the mail can neither
 * move the console nor submit anything.
 */
export const emailFrameSandbox = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** Past this the frame scrolls inside itself instead of growing. */
const maxHeight = 5_000;

export interface EmailFrameProps {
  html: string;
  dir: 'ltr' | 'rtl';
  remoteImages: boolean;
  /** Hide the quoted history the server marked. */
  foldQuotes?: boolean;
  title: string;
}

/** A mail's sanitised HTML in a sandboxed frame, as tall as its content. */
export function EmailFrame({ html, dir, remoteImages, foldQuotes = false, title }: EmailFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(24);
  const srcDoc = useMemo(() => emailFrameDocument({ html, dir, remoteImages, foldQuotes }), [html, dir, remoteImages, foldQuotes]);

  useEffect(() => {
    const iframe = frame.current;
    if (!iframe) return;
    let detach = () => {};
    const measure = () => {
      const doc = iframe.contentDocument;
      const wrapper = doc?.body?.firstElementChild;
      if (!doc || !wrapper) return;
      // A table wider than the pane scrolls sideways; leave room for that scrollbar.
      const scrollbar = doc.documentElement.scrollWidth > doc.documentElement.clientWidth ? 18 : 0;
      setHeight(Math.min(maxHeight, Math.ceil(wrapper.getBoundingClientRect().height) + scrollbar));
    };
    const onLoad = () => {
      detach();
      measure();
      const doc = iframe.contentDocument;
      const wrapper = doc?.body?.firstElementChild;
      if (!doc || !wrapper) return;
      // Pictures arrive after load; their load events do not bubble, so they are caught in the capture phase.
      doc.addEventListener('load', measure, true);
      doc.addEventListener('error', measure, true);
      const content = new ResizeObserver(measure);
      content.observe(wrapper);
      detach = () => {
        doc.removeEventListener('load', measure, true);
        doc.removeEventListener('error', measure, true);
        content.disconnect();
      };
    };
    iframe.addEventListener('load', onLoad);
    // The pane's width changes reflow the text, and so its height.
    const pane = new ResizeObserver(measure);
    pane.observe(iframe);
    return () => {
      iframe.removeEventListener('load', onLoad);
      pane.disconnect();
      detach();
    };
  }, []);

  return (
    <iframe
      ref={frame} className="email-frame" title={title} sandbox={emailFrameSandbox} srcDoc={srcDoc} referrerPolicy="no-referrer"
      style={{ blockSize: `${height}px` }} data-testid="email-frame" data-remote-images={remoteImages ? 'shown' : 'hidden'}
    />
  );
}
