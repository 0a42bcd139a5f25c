/** What a browser sees at / until the console is built: where things are, honestly. */
export const welcomePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sanad</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2933}code{background:#eef2f7;padding:.1em .3em;border-radius:4px}</style>
</head><body>
<h1>Sanad <span lang="ar" dir="rtl">سند</span></h1>
<p>This Sanad server is running.</p>
<ul>
<li>API: <code>/api/v1</code>, described in <a href="/api/openapi.json">/api/openapi.json</a></li>
<li>Sign in: <code>POST /api/v1/auth/login</code> with <code>{"email","password"}</code></li>
<li>Health: <a href="/healthz">/healthz</a>, readiness: <a href="/readyz">/readyz</a></li>
</ul>
<p>The agent console is not built into this version yet; it will be served here at <code>/console</code>.</p>
</body></html>`;
