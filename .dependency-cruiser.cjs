/**
 * The module rules of DESIGN: modules meet only through their index.ts, no cycles between them,
 * pure rule files and the kernel do no I/O, and only platform/ touches drivers.
 */
module.exports = {
  forbidden: [
    {
      name: 'import-through-index',
      comment: 'Another module is reached only through its index.ts.',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/([^/]+)/(.+)',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/platform/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'platform-through-index',
      comment: 'Each platform piece (db, pubsub, outbox…) is reached only through its index.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/platform/([^/]+)/' },
      to: { path: '^src/platform/[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'root-files-through-index',
      comment: 'Files in a module do not reach into another module from the root either.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/([^/]+)/(?!index\\.ts$)[^/]+$', pathNot: '^src/platform/' },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'pure-files-stay-pure',
      comment: 'kernel/ and *-rules.ts take data and time in; no node:*, no platform, no drivers.',
      severity: 'error',
      from: { path: '(^src/kernel/|-rules\\.ts$)' },
      to: { pathNot: '^src/kernel/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'drivers-only-in-platform',
      comment: 'Only platform/ imports drivers: database, cache and mail libraries (platform/mail wraps the mail ones).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/platform/' },
      to: { path: 'node_modules/(pg|@electric-sql/pglite|ioredis|smtp-server|nodemailer|imapflow|mailparser)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'conversations-do-not-know-channels',
      comment: 'Channels, routing, sla and feedback depend on conversations and contacts, never the reverse.',
      severity: 'error',
      from: { path: '^src/(conversations|contacts)/' },
      to: { path: '^src/(channels|routing|sla|feedback|triage)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$|\\.contract\\.ts$' },
  },
};
