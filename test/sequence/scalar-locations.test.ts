import t from 'tap'
import { lintSequence, loadSequenceText } from '../../src/sequence/index.js'
import { locateInTemplate } from '../../src/sequence/locate-in-template.js'
import { locateScalarText } from '../../src/sequence/locate-scalar-text.js'
import { nodeAt, parseYamlSource } from '../../src/sequence/yaml-source.js'

type Place = [code: string, line: number, col: number]

/** The file a fixture's lines make: `sequence: t` first, so `lines[i]` is written on line i + 2. */
function fileOf(lines: string[]): Buffer {
  return Buffer.from(['sequence: t', ...lines].join('\n'))
}

/** Where each lint warning of `code` points, in order. */
function lintPlaces(lines: string[], code: string): Place[] {
  const { sequence, diagnostics } = loadSequenceText('t.yaml', fileOf(lines))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence)
    .filter(d => d.code === code)
    .map(d => [d.code, d.at.line, d.at.col])
}

/** Where each load diagnostic of `code` points (for errors that keep the file from loading). */
function loadPlaces(lines: string[], code: string): Place[] {
  return loadSequenceText('t.yaml', fileOf(lines))
    .diagnostics.filter(d => d.code === code)
    .map(d => [d.code, d.at.line, d.at.col])
}

/** Where `needle` is written in `lines[index]` (its `nth` occurrence), as the 1-based line and column of the file. */
function placeOf(code: string, lines: string[], index: number, needle: string, nth = 0): Place {
  let col = -1
  for (let i = 0; i <= nth; i++) col = lines[index]!.indexOf(needle, col + 1)
  if (col < 0) throw new Error(`'${needle}' is not on line ${index + 2}`)
  return [code, index + 2, col + 1]
}

t.test('undefined variables inside a double-quoted scalar with \\" escapes', async t => {
  const lines = ['steps:', String.raw`  - { send: "AT+X=\"{{a}}\",\"{{b}}\",{{c}}", expect: OK }`]
  t.same(lintPlaces(lines, 'undefined-variable'), [
    ['undefined-variable', 3, 23],
    ['undefined-variable', 3, 33],
    ['undefined-variable', 3, 41],
  ])
})

t.test('undefined variables after \\t, \\u00e9, \\\\ and \\U escapes', async t => {
  const lines = ['steps:', String.raw`  - { send: "AT+X=\t{{a}}\u00e9{{b}}\\,{{c}}\U0001F600{{d}}", expect: OK }`]
  t.same(
    lintPlaces(lines, 'undefined-variable'),
    ['a}}', 'b}}', 'c}}', 'd}}'].map(name => placeOf('undefined-variable', lines, 1, name)),
  )
})

t.test('undefined variables and a non-ASCII character inside a single-quoted scalar with doubled quotes', async t => {
  const vars = ['steps:', `  - { send: 'AT+X=''{{a}}'',''{{b}}''', expect: OK }`]
  t.same(
    lintPlaces(vars, 'undefined-variable'),
    ['a}}', 'b}}'].map(name => placeOf('undefined-variable', vars, 1, name)),
  )
  const accent = ['steps:', `  - { send: 'AT+X=''a'',''b''é', expect: OK }`]
  t.same(lintPlaces(accent, 'non-ascii-command'), [placeOf('non-ascii-command', accent, 1, 'é')])
})

t.test('a non-ASCII character after escapes in a double-quoted scalar', async t => {
  const escaped = ['steps:', String.raw`  - { send: "AT+X=\"a\\b\",\u00e9", expect: OK }`]
  t.same(lintPlaces(escaped, 'non-ascii-command'), [placeOf('non-ascii-command', escaped, 1, String.raw`\u00e9`)])
  const tab = ['steps:', String.raw`  - { send: "AT+X=\"1\"\tOK", expect: OK }`]
  t.same(lintPlaces(tab, 'non-ascii-command'), [placeOf('non-ascii-command', tab, 1, String.raw`\t`)], 'a tab written \\t')
})

t.test('plain scalars keep the columns they had', async t => {
  const lines = ['steps:', '  - send: AT+X={{a}},{{b}}', '    expect: OK', '  - send: AT+Y=é', '    expect: OK']
  t.same(
    lintPlaces(lines, 'undefined-variable'),
    ['a}}', 'b}}'].map(name => placeOf('undefined-variable', lines, 1, name)),
  )
  t.same(lintPlaces(lines, 'non-ascii-command'), [placeOf('non-ascii-command', lines, 3, 'é')])
})

t.test('block scalars point into their content lines, not at the | or > header', async t => {
  const data = [
    'steps:',
    '  - { send: "AT+CMQTTPAYLOAD=0,20", expect: ">" }',
    '  - data: |-',
    '      line one',
    '        {{payload}} and {{more}}',
    '    expect: OK',
  ]
  t.same(
    lintPlaces(data, 'undefined-variable'),
    ['payload}}', 'more}}'].map(name => placeOf('undefined-variable', data, 4, name)),
  )
  const send = ['steps:', '  - send: >-', '      AT+X={{a}}é', '    expect: OK']
  t.same(lintPlaces(send, 'undefined-variable'), [placeOf('undefined-variable', send, 2, 'a}}')])
  t.same(lintPlaces(send, 'non-ascii-command'), [placeOf('non-ascii-command', send, 2, 'é')])
})

t.test('a flow scalar folded over two lines points into its second line', async t => {
  const lines = ['steps:', '  - { send: "AT+X=1,', '      {{a}}", expect: OK }']
  t.same(lintPlaces(lines, 'undefined-variable'), [placeOf('undefined-variable', lines, 2, 'a}}')])
})

t.test('regexes: the pattern starts after the slash however the scalar is written', async t => {
  const escapedSlash = ['steps:', String.raw`  - { send: AT, expect: ["\/(/", OK] }`]
  t.same(loadPlaces(escapedSlash, 'bad-regex'), [placeOf('bad-regex', escapedSlash, 1, '(')], 'the slash written \\/')
  const block = ['steps:', '  - send: AT', '    expect:', '      - >-', '        /+CSQ: (/', '      - OK']
  t.same(loadPlaces(block, 'bad-regex'), [placeOf('bad-regex', block, 4, '+CSQ')], 'a block scalar')
  const variables = ['steps:', String.raw`  - { send: AT, expect: ["/\\+CSQ: \"{{x}}\"/", OK] }`]
  t.same(lintPlaces(variables, 'undefined-variable'), [placeOf('undefined-variable', variables, 1, 'x}}')], 'a variable in the pattern')
})

/** Where each `{{` of the only scalar value of `text` (the value of key `a`) is written, as [line, col]. */
function placesInScalar(text: string, decoded?: string): Array<[number, number]> {
  const { source } = parseYamlSource('t.yaml', text)
  if (source === undefined) throw new Error(`fixture invalid: ${text}`)
  const value = String((source.data as Record<string, unknown>)['a'])
  const template = { text: value, ...locateScalarText(source, nodeAt(source, ['a']), decoded ?? value) }
  return [...value.matchAll(/\{\{/g)].map(m => {
    const at = locateInTemplate(template, m.index)
    return [at.line, at.col]
  })
}

t.test('escaped line breaks, CRLF files and indentation indicators', async t => {
  t.same(placesInScalar('a: "x\\\n    {{y}}\\\n  {{z}}"\n'), [
    [2, 5],
    [3, 3],
  ])
  t.same(placesInScalar('a: "one\r\n\r\n   {{x}}"\r\n'), [[3, 4]], 'an empty line folds to a line break')
  t.same(placesInScalar('a: |\r\n  crlf {{x}}\r\n  {{y}}\r\n'), [
    [2, 8],
    [3, 3],
  ])
  t.same(placesInScalar('a: |2\n     {{x}}\n    {{y}}\n'), [
    [2, 6],
    [3, 5],
  ])
  t.same(placesInScalar('a: >\n  fold {{x}}\n\n    {{y}}\n  {{z}}\n'), [
    [2, 8],
    [4, 5],
    [5, 3],
  ])
})

t.test('text the scalar does not decode to reads as the scalar start, never past a line end', async t => {
  t.same(placesInScalar('a: "\\"{{x}}"\n', '"{{x}} and more'), [[1, 5]])
})
