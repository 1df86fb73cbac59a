/** AT+HTTPDATA=<size>,<time>: lint reads the prompt length from its first parameter, not its second. */
import t from 'tap'
import { lintSequence, loadSequenceText, type Diagnostic } from '../../../src/sequence/index.js'

function lintYaml(lines: string[]): Array<[string, number]> {
  const text = ['sequence: lint', 'device: simcom-a76xx', ...lines].join('\n')
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(text))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence).map((d: Diagnostic) => [d.code, d.at.line])
}

t.test('five bytes for AT+HTTPDATA=5,10 pass; four are a prompt-length-mismatch', async t => {
  t.same(lintYaml(['steps:', '  - { send: "AT+HTTPDATA=5,10", expect: ">" }', '  - { data: hello, expect: OK }']), [])
  t.same(lintYaml(['steps:', '  - { send: "AT+HTTPDATA=5,10", expect: ">" }', '  - { data: hell, expect: OK }']), [
    ['prompt-length-mismatch', 5],
  ])
})

t.test('the HTTP commands are known, so no unknown-command warning', async t => {
  t.same(
    lintYaml([
      'steps:',
      '  - { send: AT+HTTPINIT, expect: OK }',
      '  - { send: AT+HTTPHEAD, expect: OK }',
      '  - { send: AT+HTTPTERM, expect: OK }',
    ]),
    [],
  )
})
