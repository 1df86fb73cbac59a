import t from 'tap'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { loadSequence } from '../../src/sequence/index.js'

const dir = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url))

/** Each fixture holds one mistake: the one error it must give, where it is written (line, column) and its stable code. */
const EXPECTED: Record<string, { code: string; line: number; col: number }> = {
  'yaml-syntax.yaml': { code: 'yaml-syntax', line: 5, col: 1 },
  'duplicate-key.yaml': { code: 'duplicate-key', line: 5, col: 5 },
  'unknown-key.yaml': { code: 'unknown-key', line: 5, col: 5 },
  'wrong-type.yaml': { code: 'wrong-type', line: 5, col: 26 },
  'bad-duration.yaml': { code: 'bad-duration', line: 5, col: 14 },
  'empty-file.yaml': { code: 'empty-file', line: 1, col: 1 },
  'comment-only.yaml': { code: 'empty-file', line: 1, col: 1 },
  'binary-file.yaml': { code: 'binary-file', line: 2, col: 1 },
  'missing-key.yaml': { code: 'missing-key', line: 1, col: 1 },
  'two-actions.yaml': { code: 'step-action', line: 5, col: 5 },
  'no-action.yaml': { code: 'step-action', line: 3, col: 5 },
  'bad-regex.yaml': { code: 'bad-regex', line: 4, col: 16 },
  'bad-template.yaml': { code: 'bad-template', line: 5, col: 27 },
  'unknown-helper.yaml': { code: 'bad-template', line: 5, col: 27 },
  'unknown-secret.yaml': { code: 'unknown-secret', line: 4, col: 11 },
  'multiline-command.yaml': { code: 'multiline-command', line: 3, col: 11 },
  'misplaced-key.yaml': { code: 'misplaced-key', line: 4, col: 5 },
  'bad-enum.yaml': { code: 'bad-value', line: 6, col: 10 },
  'unquoted-prompt.yaml': { code: 'empty-value', line: 4, col: 13 },
  'unquoted-colon.yaml': { code: 'unquoted-colon', line: 6, col: 9 },
  'colon-in-value.yaml': { code: 'yaml-syntax', line: 4, col: 10 },
  'multiple-documents.yaml': { code: 'multiple-documents', line: 4, col: 1 },
  'bad-qos.yaml': { code: 'bad-value', line: 3, col: 46 },
  'root-list.yaml': { code: 'wrong-type', line: 1, col: 1 },
  'retry-incomplete.yaml': { code: 'missing-key', line: 5, col: 12 },
  'bad-var-name.yaml': { code: 'bad-var-name', line: 3, col: 3 },
  'bad-hex.yaml': { code: 'bad-hex', line: 5, col: 11 },
  'within-without-urc.yaml': { code: 'misplaced-key', line: 5, col: 5 },
  'empty-steps.yaml': { code: 'empty-value', line: 2, col: 8 },
  'tab-indent.yaml': { code: 'yaml-syntax', line: 3, col: 1 },
}

t.test('every fixture in test/fixtures/invalid is listed here', async t => {
  t.same(readdirSync(dir).sort(), Object.keys(EXPECTED).sort())
  t.ok(new Set(Object.values(EXPECTED).map(e => e.code)).size >= 15, 'at least 15 kinds of mistake')
})

for (const [file, expected] of Object.entries(EXPECTED)) {
  t.test(file, async t => {
    const result = await loadSequence(join(dir, file))
    t.equal(result.sequence, undefined, 'no sequence is returned')
    const errors = result.diagnostics.filter(d => d.severity === 'error')
    t.equal(errors.length, 1, 'exactly one error for one mistake')
    t.match(errors[0], { code: expected.code, at: { file: join(dir, file), line: expected.line, col: expected.col } })
    t.ok(errors[0]!.message.length > 10 && !/instancePath|schemaPath|must match/.test(errors[0]!.message), 'a human sentence')
  })
}
