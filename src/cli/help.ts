export const commandHelp: Record<string, string> = {
  start: `sanad start
  Starts Sanad: migrates the database, creates the demo workspace on first start, and serves
  the API on http://localhost:3000.
  Environment:
    PORT                  port to listen on (default 3000)
    HOST                  address to bind (default 0.0.0.0)
    SANAD_DATA_DIR        where PGlite data and secrets.json live (default ./data)
    DATABASE_URL          postgres://… to use PostgreSQL instead of the embedded PGlite
    REDIS_URL             redis://… for pub/sub across several Sanad nodes
    SANAD_PUBLIC_URL      the address users reach Sanad at, behind a proxy (https:// makes cookies Secure)
    SANAD_TRUSTED_ORIGINS comma-separated extra origins allowed to send signed-in writes
    SANAD_ADMIN_EMAIL, SANAD_ADMIN_PASSWORD   the demo admin's login on first start
    SANAD_SESSION_KEY, SANAD_HMAC_KEY         base64 keys shared by several nodes (else made in the data dir)
    LOG_LEVEL             info (default), debug (also logs every request), warn, error or silent`,
  migrate: `sanad migrate
  Applies pending database migrations and exits. Safe to run twice, or from two machines at once.`,
  'agent add': `sanad agent add --email EMAIL --name NAME [--role admin|supervisor|agent] [--password PASSWORD]
                [--languages ar:5,en:4] [--skills billing:4,technical:3] [--time-zone Asia/Riyadh]
  Adds an agent to the workspace (creating the workspace when there is none yet, in which case no
  demo data is made). Without --password a strong one is generated and printed once.
  Proficiency runs from 1 (can help) to 5 (expert).`,
  'agent password': `sanad agent password --email EMAIL [--password PASSWORD]
  Sets an agent's password and signs them out everywhere. Without --password one is generated.`,
  'triage train': `sanad triage train --data A.jsonl[,B.jsonl] --out DIR [--seed N]
  Trains an intent model from labelled JSON Lines ({"text", "label"} per line; "oos" marks
  out-of-scope examples) on this machine's CPU and saves it in DIR. One model may mix languages.`,
  'triage eval': `sanad triage eval --model DIR --data T.jsonl
  Measures a model on labelled JSON Lines and prints one JSON object: accuracy, macro_f1,
  per_label, oos_recall and in_scope_accuracy (when the data has "oos"), ms_per_message.`,
  'triage classify': `sanad triage classify --model DIR "text"
  Prints what triage reads in one message: intent with confidence, language, key facts.`,
  simulate: `sanad simulate --scenario FILE.json [--seed N] [--policies round_robin,least_loaded,sanad] [--json]
  Simulates one contact-centre day (docs/simulation.md) once per routing policy, all on the same
  seeded arrivals, and prints per policy: chats answered within 30 s, emails within 15 min, mean
  and p90 wait per channel, abandonment, transfers caused by a wrong skill or language, peak
  occupancy and items handled. --json prints the same as JSON. A bad scenario exits 2 naming the field.`,
  'token create': `sanad token create --name NAME --scopes SCOPE[,SCOPE…] [--expires-in-days N]
  Creates an API token for an integration and prints it once. Send it as "Authorization: Bearer TOKEN".
  Scopes: conversations:read conversations:write contacts:read contacts:write agents:read
          agents:write settings:read settings:write events:read`,
};

export const usage = `Sanad — customer support desk

Usage: sanad <command> [options]

Commands:
  start             start the server (API, demo workspace on first start)
  migrate           apply database migrations and exit
  agent add         add an agent (admin, supervisor or agent)
  agent password    set an agent's password
  token create      create an API token for an integration
  triage train      train an intent model from labelled JSONL
  triage eval       measure an intent model on labelled JSONL
  triage classify   read one message: intent, language, key facts
  simulate          compare routing policies on a simulated contact-centre day

Run "sanad <command> --help" for a command's options and environment.
`;
