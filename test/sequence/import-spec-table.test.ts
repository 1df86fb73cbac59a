import t from 'tap'
import { importSpecTable, loadSequenceText } from '../../src/sequence/index.js'

const HEADER = 'No | Command | Response | Description |'

t.test('the YAML: the source and preamble as comments, one blank line between steps, notes above their step', async t => {
  const { yaml } = importSpecTable(
    ['MQTT basics', 'second line of the title', HEADER, '1 | AT+CSQ | OK | Signal |', '2 | AT+CSQ\\r | OK | |', '3 | AT+CSQ | OK | |'].join(
      '\n',
    ),
    'basics.txt',
  )
  t.equal(
    yaml,
    [
      '# Imported from the spec table basics.txt.',
      '# MQTT basics',
      '# second line of the title',
      '',
      'sequence: MQTT basics',
      'source: basics.txt (spec table, 3 rows)',
      'steps:',
      '  - no: "1"',
      '    send: AT+CSQ',
      '    expect: OK',
      '    description: Signal',
      '',
      '  # imported: the line end written after the command was removed (atseq sends CR itself)',
      '  - no: "2"',
      '    send: AT+CSQ',
      '    expect: OK',
      '',
      '  - no: "3"',
      '    send: AT+CSQ',
      '    expect: OK',
      '',
    ].join('\n'),
  )
})

t.test('a response with one line is written as a scalar, several as a list', async t => {
  const { yaml } = importSpecTable(
    [HEADER, '1 | AT+CMQTTSTART | OK +CMQTTSTART: 0 | |', '2 | AT+CMQTTSTOP | +X: 1 OK +CMQTTSTOP: 0 +CMQTTNONET | |'].join('\n'),
    's.txt',
  )
  t.match(yaml, /\n {4}expect: OK\n {4}urc: "\+CMQTTSTART: 0"\n/)
  t.match(yaml, /\n {4}expect:\n {6}- "\+X: 1"\n {6}- OK\n {4}urc:\n {6}- "\+CMQTTSTOP: 0"\n {6}- \+CMQTTNONET\n/)
})

t.test('long descriptions stay on one line', async t => {
  const description = 'Publish a message to the server and wait for the broker to answer with the same message again'
  const { yaml } = importSpecTable([HEADER, `1 | AT+CSQ | OK | ${description} |`].join('\n'), 's.txt')
  t.ok(yaml.split('\n').includes(`    description: ${description}`))
})

t.test('the name is the sequence field, else the title line, else the file name; the system field is kept', async t => {
  const named = importSpecTable(['A title', '1. 명령시퀀스: Named', '2. 통신시스템: LTE', HEADER, '1 | AT | OK | |'].join('\n'), 'n.txt')
  const titled = importSpecTable(['A title', HEADER, '1 | AT | OK | |'].join('\n'), 't.txt')
  const bare = importSpecTable([HEADER, '1 | AT | OK | |'].join('\n'), 'b.txt')
  const load = (yaml: string) => loadSequenceText('x.yaml', Buffer.from(yaml)).sequence!
  t.match(load(named.yaml), { name: 'Named', system: 'LTE' })
  t.match(load(titled.yaml), { name: 'A title', system: undefined })
  t.equal(load(bare.yaml).name, 'b.txt')
})

t.test('an unknown device profile is an error at the top of the spec, with a suggestion or the list', async t => {
  const near = importSpecTable([HEADER, '1 | AT | OK | |'].join('\n'), 'x.txt', { deviceProfile: 'simcom-a67xx' })
  const far = importSpecTable([HEADER, '1 | AT | OK | |'].join('\n'), 'x.txt', { deviceProfile: 'zzzzzzzzzzzzzzzzzz' })
  const profileError = (r: typeof near) => r.diagnostics.find(d => d.code === 'unknown-device-profile')
  t.match(profileError(near), { severity: 'error', at: { file: 'x.txt', line: 1, col: 1 } })
  t.match(profileError(far), { severity: 'error', at: { file: 'x.txt', line: 1, col: 1 } })
  t.not(profileError(far)?.hint, profileError(near)?.hint)
  t.match(profileError(far)?.hint, /simcom-a76xx/, 'the hint lists the profiles there are')
  t.notMatch(near.yaml, /^device:/m, 'no device is written for an unknown profile')
  t.matchSnapshot(
    [profileError(near), profileError(far)].map(d => [d?.message, d?.hint]),
    'unknown-device-profile messages',
  )
})

t.test('text with no table rows: the error says what a row looks like', async t => {
  const { diagnostics } = importSpecTable('just some prose\n', 'prose.txt')
  t.match(diagnostics, [{ code: 'no-table-rows', at: { file: 'prose.txt', line: 1, col: 1 } }])
  t.matchSnapshot(diagnostics[0]?.message, 'no-table-rows message')
})
