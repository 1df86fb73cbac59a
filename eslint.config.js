// ESLint flat config: the recommended JavaScript and typescript-eslint rules (syntax only, no type
// information, so a lint of the whole tree stays quick), size limits for src/, and Prettier's
// config last so that no lint rule argues with the formatter.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores([
    'dist/',
    'coverage/',
    '.tap/',
    '**/node_modules/',
    'reports/',
    'tap-snapshots/',
    'test/fixtures/',
    '.stryker-tmp/',
    '.mutation-build/',
    // Written by scripts/generate-sequence-validator.mjs (ajv's standalone code), checked by a test instead.
    'src/**/*.generated.ts',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // A modem speaks in control bytes (CR, LF, Ctrl-Z, ESC, NUL): matching and escaping them is the job.
      'no-control-regex': 'off',
      // `_name` marks a parameter an interface requires and this implementation does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The script every HTML report inlines runs in the browser, not in node.
    files: ['src/**/templates/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['src/**'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      'max-lines': 'off',
      'max-lines-per-function': 'off',
    },
  },
  prettier,
)
