/** Where each character of a scalar's text is written: through quotes, escapes, folded lines and block scalars. */
import t, { type Test } from 'tap'
import { isScalar, LineCounter, parseDocument, Scalar, type Node } from 'yaml'
import type { SourceLocation, Template, TextSpan } from '../../src/model/sequence.js'
import { locateScalarText } from '../../src/sequence/locate-scalar-text.js'
import { nodeAt, parseYamlSource, type YamlSource } from '../../src/sequence/yaml-source.js'

type Located = Pick<Template, 'at' | 'spans'>

/** A YAML text, the text yaml reads from its scalar, and where that text is written. */
interface Case {
  yaml: string
  value: string
  located: Located
}

const place = (line: number, col: number): SourceLocation => ({ file: 't.yaml', line, col })
const span = (offset: number, line: number, col: number): TextSpan => ({ offset, line, col })

function parse(yaml: string): YamlSource {
  const { source } = parseYamlSource('t.yaml', yaml)
  if (source === undefined) throw new Error(`fixture invalid: ${JSON.stringify(yaml)}`)
  return source
}

/** The document when it is a lone scalar, else the value of its key `a`. */
function scalarOf(source: YamlSource): Node | undefined {
  return isScalar(source.doc.contents) ? source.doc.contents : nodeAt(source, ['a'])
}

function valueOf(node: Node | undefined): string {
  return isScalar(node) ? String(node.value) : ''
}

/** Checks that yaml reads each case's `value` and that every character of it is found where the case says. */
function checkCases(t: Test, cases: readonly Case[]): void {
  for (const { yaml, value, located } of cases) {
    const source = parse(yaml)
    const node = scalarOf(source)
    t.equal(valueOf(node), value, `yaml reads ${JSON.stringify(yaml)}`)
    t.same(locateScalarText(source, node, value), located, JSON.stringify(yaml))
  }
}

t.test('a character after a one-character escape in a double-quoted scalar is found where it is written', async t => {
  const escapes: Array<[written: string, decoded: string]> = [
    ['0', '\0'],
    ['a', '\x07'],
    ['b', '\b'],
    ['e', '\x1b'],
    ['f', '\f'],
    ['n', '\n'],
    ['r', '\r'],
    ['t', '\t'],
    ['\t', '\t'],
    ['v', '\v'],
    ['N', '\u0085'],
    ['_', '\u00a0'],
    ['L', '\u2028'],
    ['P', '\u2029'],
    [' ', ' '],
    ['"', '"'],
    ['/', '/'],
    ['\\', '\\'],
  ]
  checkCases(
    t,
    escapes.map(([written, decoded]) => ({
      yaml: `a: "\\${written}z"\n`,
      value: `${decoded}z`,
      located: { at: place(1, 5), spans: [span(0, 1, 5), span(1, 1, 7)] },
    })),
  )
})

t.test(
  'a character after a \\x, \\u or \\U escape is found where it is written; both halves of a surrogate pair at the backslash',
  async t => {
    checkCases(t, [
      { yaml: 'a: "\\x41z"\n', value: 'Az', located: { at: place(1, 5), spans: [span(0, 1, 5), span(1, 1, 9)] } },
      { yaml: 'a: "\\u00e9z"\n', value: 'éz', located: { at: place(1, 5), spans: [span(0, 1, 5), span(1, 1, 11)] } },
      {
        yaml: 'a: "\\U0001F600z"\n',
        value: '\u{1f600}z',
        located: { at: place(1, 5), spans: [span(0, 1, 5), span(1, 1, 5), span(2, 1, 15)] },
      },
      {
        yaml: 'a: "\\U0010FFFFz"\n',
        value: '\u{10ffff}z',
        located: { at: place(1, 5), spans: [span(0, 1, 5), span(1, 1, 5), span(2, 1, 15)] },
      },
    ])
  },
)

t.test('a scalar whose characters run on column by column from its start is located by `at` alone', async t => {
  checkCases(t, [
    { yaml: 'a: "it\'\'s\\n"\n', value: "it''s\n", located: { at: place(1, 5) } },
    { yaml: 'a: |-\n  ab\n', value: 'ab', located: { at: place(2, 3) } },
  ])
})

t.test('doubled quotes in a single-quoted scalar read as one quote, and a backslash there is just a backslash', async t => {
  checkCases(t, [
    { yaml: "a: 'it''s'\n", value: "it's", located: { at: place(1, 5), spans: [span(0, 1, 5), span(3, 1, 9)] } },
    {
      yaml: "a: 'a\\nb''c'\n",
      value: "a\\nb'c",
      located: { at: place(1, 5), spans: [span(0, 1, 5), span(5, 1, 11)] },
    },
  ])
})

t.test('a flow scalar folded over several lines: each line break reads as the first character of the line it leads to', async t => {
  const twoRuns = (line: number): Located => ({ at: place(1, 5), spans: [span(0, 1, 5), span(2, line, 3), span(3, line, 3)] })
  checkCases(t, [
    { yaml: 'a: "ab\n  cd"\n', value: 'ab cd', located: twoRuns(2) },
    { yaml: 'a: "ab  \n  cd"\n', value: 'ab cd', located: twoRuns(2) },
    { yaml: 'a: "ab\t\n  cd"\n', value: 'ab cd', located: twoRuns(2) },
    { yaml: 'a: "ab\r\n  cd"\n', value: 'ab cd', located: twoRuns(2) },
    {
      yaml: 'a: "ab\n \tcd"\n',
      value: 'ab cd',
      located: { at: place(1, 5), spans: [span(0, 1, 5), span(2, 2, 3), span(3, 2, 3)] },
    },
    { yaml: 'a: "ab\n\n  cd"\n', value: 'ab\ncd', located: twoRuns(3) },
    { yaml: 'a: "ab\n   \n  cd"\n', value: 'ab\ncd', located: twoRuns(3) },
    {
      yaml: 'a: one\n  two\n',
      value: 'one two',
      located: { at: place(1, 4), spans: [span(0, 1, 4), span(3, 2, 3), span(4, 2, 3)] },
    },
    {
      yaml: "a: it''s\n  two\n",
      value: "it''s two",
      located: { at: place(1, 4), spans: [span(0, 1, 4), span(5, 2, 3), span(6, 2, 3)] },
    },
    {
      yaml: "a: 'a\\n\n  b'\n",
      value: 'a\\n b',
      located: { at: place(1, 5), spans: [span(0, 1, 5), span(3, 2, 3), span(4, 2, 3)] },
    },
  ])
})

t.test('the next line of a folded scalar starts a new span even in the column after the last character', async t => {
  checkCases(t, [
    {
      yaml: 'a: "ab\n      c"\n',
      value: 'ab c',
      located: { at: place(1, 5), spans: [span(0, 1, 5), span(2, 2, 7), span(3, 2, 7)] },
    },
  ])
})

t.test('an escaped line break joins the lines: the text goes on at the first character after the indentation', async t => {
  checkCases(t, [
    { yaml: 'a: "x\\\n  y"\n', value: 'xy', located: { at: place(1, 5), spans: [span(0, 1, 5), span(1, 2, 3)] } },
    { yaml: 'a: "x\\\n \t y"\n', value: 'xy', located: { at: place(1, 5), spans: [span(0, 1, 5), span(1, 2, 4)] } },
    { yaml: 'a: "x\\\r\n  y"\r\n', value: 'xy', located: { at: place(1, 5), spans: [span(0, 1, 5), span(1, 2, 3)] } },
    {
      yaml: 'a: "x\\\n\n  y"\n',
      value: 'x y',
      located: { at: place(1, 5), spans: [span(0, 1, 5), span(1, 3, 3), span(2, 3, 3)] },
    },
  ])
})

t.test('block scalars: characters are found on their content lines, kept and folded line breaks after the line they end', async t => {
  checkCases(t, [
    { yaml: 'a: |\n  x\n', value: 'x\n', located: { at: place(2, 3), spans: [span(0, 2, 3), span(1, 2, 3)] } },
    { yaml: 'a: |\n  x', value: 'x\n', located: { at: place(2, 3), spans: [span(0, 2, 3), span(1, 2, 3)] } },
    {
      yaml: 'a: >-\n  ab\n  cd\n',
      value: 'ab cd',
      located: { at: place(2, 3), spans: [span(0, 2, 3), span(2, 3, 3), span(3, 3, 3)] },
    },
    {
      yaml: 'a: |\n    x\n  \n    y\n',
      value: 'x\n\ny\n',
      located: { at: place(2, 5), spans: [span(0, 2, 5), span(1, 4, 5), span(2, 4, 5), span(3, 4, 5), span(4, 4, 5)] },
    },
    {
      yaml: '|\nab\nc\n',
      value: 'ab\nc\n',
      located: { at: place(2, 1), spans: [span(0, 2, 1), span(2, 3, 1), span(3, 3, 1), span(4, 3, 1)] },
    },
    {
      yaml: 'a: |2\n     x\n    y\n',
      value: '   x\n  y\n',
      located: { at: place(2, 3), spans: [span(0, 2, 3), span(4, 3, 3), span(5, 3, 3), span(8, 3, 5)] },
    },
    { yaml: 'a: |+\n\n', value: '\n', located: { at: place(2, 1) } },
  ])
})

t.test('an empty text is located at the scalar start', async t => {
  checkCases(t, [
    { yaml: 'a: |\n', value: '', located: { at: place(1, 4) } },
    { yaml: 'a: |', value: '', located: { at: place(1, 4) } },
    { yaml: 'a: "\\\n  "\n', value: '', located: { at: place(1, 5) } },
  ])
})

t.test('a scalar written as-is on one line is located by its start alone, whatever text it is given', async t => {
  const cases: Array<[yaml: string, at: SourceLocation]> = [
    ['a: abc\n', place(1, 4)],
    ['a: "abc"\n', place(1, 5)],
    ["a: 'abc'\n", place(1, 5)],
  ]
  for (const [yaml, at] of cases) {
    const source = parse(yaml)
    t.same(locateScalarText(source, scalarOf(source), 'xyz'), { at }, yaml)
  }
})

t.test('a text the scalar does not decode to reads as the scalar start: empty spans', async t => {
  const cases: Array<[yaml: string, text: string, at: SourceLocation]> = [
    ['a: |-\n  ab\n', 'a b', place(1, 4)],
    ['a: |-\n  ab\n', 'abc', place(1, 4)],
    ['a: |-\n  ab\n', 'xy', place(1, 4)],
    ['a: |', 'x', place(1, 4)],
    ['a: "\\x41b\n  c"\n', 'Ab  c', place(1, 5)],
  ]
  for (const [yaml, text, at] of cases) {
    const source = parse(yaml)
    t.same(locateScalarText(source, scalarOf(source), text), { at, spans: [] }, `${JSON.stringify(yaml)} as ${JSON.stringify(text)}`)
  }
})

t.test('an escape yaml refuses makes the scalar read as its start', async t => {
  for (const yaml of ['a: "\\q"\n', 'a: "\\x4G"\n', 'a: "\\U00110000"\n']) {
    const lines = new LineCounter()
    const doc = parseDocument(yaml, { lineCounter: lines })
    t.not(doc.errors.length, 0, `yaml refuses ${yaml}`)
    const source: YamlSource = { file: 't.yaml', text: yaml, doc, lines, data: doc.toJS(), pairs: new Map() }
    const node = scalarOf(source)
    t.same(locateScalarText(source, node, valueOf(node)), { at: place(1, 5), spans: [] }, yaml)
  }
})

t.test('a node that is not a scalar written in the file is located by its start alone', async t => {
  const source = parse('a:\n  b: c\n')
  t.same(locateScalarText(source, undefined, 'x'), { at: place(1, 1) }, 'no node')
  t.same(locateScalarText(source, nodeAt(source, ['a']), 'x'), { at: place(2, 3) }, 'a mapping')
  t.same(locateScalarText(source, new Scalar('x'), 'x'), { at: place(1, 1) }, 'a scalar without a range')
  t.same(locateScalarText(source, Object.assign(new Scalar('x'), { range: null }), 'x'), { at: place(1, 1) }, 'a range of null')
})

t.test('a scalar node of no known style reads as its start, with empty spans', async t => {
  const source = parse('a: x\n')
  const node = Object.assign(new Scalar('x'), { range: [3, 4, 4] as [number, number, number] })
  t.same(locateScalarText(source, node, 'x'), { at: place(1, 4), spans: [] })
})

t.test('a space an indentation indicator keeps at the start of a block is found where it is written', async t => {
  const source = parse('a: |1\n  x\n')
  t.same(locateScalarText(source, scalarOf(source), ' x\n'), { at: place(2, 2), spans: [span(0, 2, 2), span(2, 2, 3)] })
})
