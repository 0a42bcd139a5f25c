import { describe, expect, it } from 'vitest';
import { foldableQuotes, maxTags, sanitizeEmailHtml } from './html-sanitize.ts';

const clean = (html: string, options = {}) => sanitizeEmailHtml(html, options).html;
const resolveCid = (id: string) => (id === 'logo@shop' ? '/api/v1/email/attachments/a1' : null);

/** Nothing that could run: no script, no handler, no javascript:, no frame, no form. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<form|<input|<svg|<style|<link|<meta|<base/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:|vbscript:|expression\(|url\(/i);
}

describe('sanitising email HTML', () => {
  it('when a mail carries a script, then the script and its text are gone and the message stays', () => {
    expect(clean('<p>Hello<script>alert(1)</script></p>')).toBe('<p>Hello</p>');
    expect(clean('<scr<script>ipt>alert(1)</script>')).not.toMatch(/<script/i);
  });

  it('when an image or svg has an event handler, then the handler is gone', () => {
    const out = clean('<img src="x" onerror="alert(1)"><svg onload="alert(1)"><circle/></svg><p onclick="x()">hi</p>');
    expectInert(out);
    expect(out).toContain('<p>hi</p>');
  });

  it('when a link is javascript:, an encoded javascript: or a data: URL, then the link loses its href', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt&#x3a;alert(1)', ' java\tscript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)']) {
      const out = clean(`<a href="${href}">click</a>`);
      expect(out).not.toContain('href');
      expectInert(out);
    }
  });

  it('when a link is http, https, mailto or tel, then it opens in a new tab without referrer or opener', () => {
    expect(clean('<a href="https://shop.example/o/1" target="_self" rel="opener">order</a>'))
      .toBe('<a href="https://shop.example/o/1" target="_blank" rel="noopener noreferrer nofollow">order</a>');
    expect(clean('<a href="mailto:huda@customer.example">m</a>')).toContain('href="mailto:huda@customer.example"');
  });

  it('when a style block imports a sheet, then it is gone whole', () => {
    expect(clean('<style>@import url(https://evil.example/x.css); body{display:none}</style><p>ok</p>')).toBe('<p>ok</p>');
  });

  it('when frames, objects and forms appear, then only their visible text may stay', () => {
    const out = clean('<iframe src="https://evil"></iframe><object data="x"></object><embed src="y"><form action="https://evil"><input name="pw"><button>Go</button></form>');
    expectInert(out);
    expect(out).toBe('Go');
  });

  it('when inline CSS escapes its box, loads a URL or runs an expression, then only the safe declarations stay', () => {
    const out = clean('<div style="position:fixed;top:0;left:0;z-index:9999;color:red;background:url(https://t/p.png);width:expression(alert(1));margin:-100px;width:100%">x</div>');
    expect(out).toBe('<div style="color:red;width:100%">x</div>');
    expect(clean('<p style="color:expression(alert(1));background-color:#fff">x</p>')).toBe('<p style="background-color:#fff">x</p>');
    expect(clean('<td style="background-image:url(javascript:alert(1))">x</td>')).not.toMatch(/style|url/);
  });

  it('when remote images are not allowed, then their address moves to a data attribute and is counted', () => {
    const result = sanitizeEmailHtml('<img src="https://tracker.example/p.gif" width="1"><img src="//cdn.example/logo.png">');
    expect(result.html).toBe('<img width="1" data-sanad-remote-src="https://tracker.example/p.gif" /><img data-sanad-remote-src="https://cdn.example/logo.png" />');
    expect(result.blockedImages).toBe(2);
    expect(clean('<img srcset="https://t/p.gif 1x"><table background="https://t/bg.gif"><tr><td>x</td></tr></table>')).not.toMatch(/https:/);
  });

  it('when the agent asks for remote images, then they load', () => {
    expect(sanitizeEmailHtml('<img src="https://cdn.example/logo.png">', { allowRemoteImages: true })).toMatchObject({ html: '<img src="https://cdn.example/logo.png" />', blockedImages: 0 });
  });

  it('when an image is cid:, then the caller maps it to the attachment; an unknown cid loses its src', () => {
    expect(clean('<img src="cid:logo@shop" alt="Logo">', { resolveCid })).toBe('<img alt="Logo" src="/api/v1/email/attachments/a1" />');
    expect(clean('<img src="cid:nobody@x">', { resolveCid })).toBe('<img />');
  });

  it('when an inline image is a raster data: URL it stays; an SVG data: URL does not', () => {
    expect(clean('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe('<img src="data:image/png;base64,iVBORw0KGgo=" />');
    expect(clean('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).toBe('<img />');
  });

  it('when an Arabic mail sets dir on html, body and paragraphs, then the direction survives', () => {
    const out = clean('<html dir="rtl" lang="ar"><head><title>رسالة</title></head><body dir="rtl" onload="x()"><p dir="rtl">مرحباً، طلبي لم يصل.</p></body></html>');
    expect(out).toBe('<div dir="rtl" lang="ar"><div dir="rtl"><p dir="rtl">مرحباً، طلبي لم يصل.</p></div></div>');
  });

  it('when text carries bidi override characters or <bdo>, then the overrides are removed and isolation kept', () => {
    expect(clean('<p>invoice\u202Efdp.exe</p>')).toBe('<p>invoicefdp.exe</p>');
    expect(clean('<bdo dir="rtl">abc</bdo>')).toBe('abc');
    expect(clean('<span style="unicode-bidi:bidi-override;direction:rtl">abc</span>')).toBe('<span style="direction:rtl">abc</span>');
    expect(clean('<p>اسم \u2067Huda\u2069 هنا</p>')).toBe('<p>اسم \u2067Huda\u2069 هنا</p>');
  });

  it('when tags are nested wrongly or left open, then the output is well formed', () => {
    expect(clean('<p><b>unclosed <i>tags <div></p></b>')).toBe('<p><b>unclosed <i>tags <div></div></i></b></p>');
    expectInert(clean('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'));
    expectInert(clean('<noscript><p title="</noscript><img src=x onerror=alert(1)>">'));
    expectInert(clean('<a href="https://ok.example"<script>alert(1)</script>>x</a><img """><script>alert(1)</script>">'));
  });

  it('when the mail is huge, then it completes and stays inert', () => {
    const many = '<a href="javascript:x" onclick="y">x</a><img src="https://t/p.gif" onerror=z>'.repeat(10_000);
    expectInert(clean(many));
    expectInert(clean(`<p style="${'color:red;'.repeat(20_000)}">${'نص عربي طويل '.repeat(100_000)}</p>`));
    expectInert(clean('<'.repeat(200_000) + '<div>'));
  });

  it('when nesting is deep enough to stall the parser, then the mail is shown as escaped text', () => {
    const deep = sanitizeEmailHtml('<div>'.repeat(maxTags + 1) + '<script>alert(1)</script>deep' + '</div>'.repeat(maxTags + 1));
    expect(deep.textOnly).toBe(true);
    expect(deep.html).toMatch(/^<div dir="auto" style="white-space:pre-wrap">/);
    expect(deep.html).toContain('alert(1)');
    expect(deep.html).not.toMatch(/<script/);
    expect(deep.html.indexOf('<', 1)).toBe(deep.html.lastIndexOf('</div>'));
  });
});

describe('quoted history in HTML', () => {
  it('given Gmail, Apple Mail and Outlook quote blocks, when sanitised, then each is marked for folding and the new words stay unmarked', () => {
    const gmail = sanitizeEmailHtml('<div>Thanks!</div><div class="gmail_quote">On Mon, Layla wrote:<blockquote class="gmail_quote">old</blockquote></div>').html;
    const apple = sanitizeEmailHtml('<div>شكراً</div><blockquote type="cite">old</blockquote>').html;
    const outlook = sanitizeEmailHtml('<p>Done.</p><div id="divRplyFwdMsg"><b>From:</b> Sanad</div>').html;
    expect(gmail).toContain('<div data-sanad-quote>On Mon');
    expect(apple).toContain('<blockquote data-sanad-quote>old');
    expect(outlook).toContain('<div data-sanad-quote><b>From:</b>');
    expect([gmail, apple, outlook].map(foldableQuotes)).toEqual([true, true, true]);
  });

  it('given a mail that marks its own text as a quote, or is nothing but a quote, then nothing is folded', () => {
    const spoof = sanitizeEmailHtml('<div data-sanad-quote="">hide me</div><p>real</p>').html;
    expect(spoof).toBe('<div>hide me</div><p>real</p>');
    expect(foldableQuotes(spoof)).toBe(false);
    expect(foldableQuotes(sanitizeEmailHtml('<blockquote type="cite">only the quote</blockquote>').html)).toBe(false);
  });
});
