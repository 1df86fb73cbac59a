/** Where a character of a template is written in the file, and parts of templates that keep their places. */
import t from 'tap'
import type { SourceLocation, Template } from '../../src/model/sequence.js'
import { locateInTemplate, offsetInText, sliceTemplate } from '../../src/sequence/locate-in-template.js'

const place = (line: number, col: number): SourceLocation => ({ file: 's.yaml', line, col })

/** `AT+CSQ` written as-is from line 3, column 7. */
const oneLine: Template = { text: 'AT+CSQ', at: place(3, 7) }

/** Text without spans over several lines, with each of Handlebars' line breaks: `\n`, a lone `\r` and `\r\n`. */
const lines: Template = { text: 'AT\nOK\rX\r\nY', at: place(3, 7) }

/** `abcdefghi` written in three runs (as a folded or escaped scalar is): `abc` from 2:5, `def` from 3:3, `ghi` from 4:3. */
const runs: Template = {
  text: 'abcdefghi',
  at: place(2, 5),
  spans: [
    { offset: 0, line: 2, col: 5 },
    { offset: 3, line: 3, col: 3 },
    { offset: 6, line: 4, col: 3 },
  ],
}

t.test('a character of a one-line template is as many columns right of its start as its offset', async t => {
  t.same(locateInTemplate(oneLine, 0), place(3, 7))
  t.same(locateInTemplate(oneLine, 3), place(3, 10))
})

t.test('an offset past the end reads as the last character, and a negative one as the first', async t => {
  t.same(locateInTemplate(oneLine, 6), place(3, 12))
  t.same(locateInTemplate(oneLine, 40), place(3, 12))
  t.same(locateInTemplate(oneLine, -2), place(3, 7))
})

t.test('on the later lines of a template without spans a character is at 1 + its column', async t => {
  t.same(locateInTemplate(lines, 1), place(3, 8), 'the first line keeps the start column')
  t.same(locateInTemplate(lines, 2), place(3, 9), 'a line break belongs to the line it ends')
  t.same(locateInTemplate(lines, 3), place(4, 1), 'after \\n')
  t.same(locateInTemplate(lines, 4), place(4, 2))
  t.same(locateInTemplate(lines, 6), place(5, 1), 'after a lone \\r')
  t.same(locateInTemplate(lines, 9), place(6, 1), 'after \\r\\n, one line break')
})

t.test('a character of a template with spans is located by the run it is in', async t => {
  t.same(locateInTemplate(runs, 0), place(2, 5))
  t.same(locateInTemplate(runs, 2), place(2, 7))
  t.same(locateInTemplate(runs, 3), place(3, 3))
  t.same(locateInTemplate(runs, 7), place(4, 4))
  t.same(locateInTemplate(runs, 50), place(4, 5), 'past the end: the last character')
})

t.test('a template whose text could not be mapped reads every offset as its start', async t => {
  const unmapped: Template = { text: 'AT+CSQ', at: place(3, 7), spans: [] }
  t.same(locateInTemplate(unmapped, 0), place(3, 7))
  t.same(locateInTemplate(unmapped, 4), place(3, 7))
})

t.test('offsetInText turns a Handlebars line and column into an offset of the text', async t => {
  t.equal(offsetInText(lines.text, 1, 0), 0)
  t.equal(offsetInText(lines.text, 1, 1), 1)
  t.equal(offsetInText(lines.text, 2, 0), 3)
  t.equal(offsetInText(lines.text, 2, 1), 4)
  t.equal(offsetInText(lines.text, 3, 0), 6, 'a lone \\r ends a line')
  t.equal(offsetInText(lines.text, 4, 0), 9, '\\r\\n ends one line')
})

t.test('offsetInText reads a line past the last as the last', async t => {
  t.equal(offsetInText(lines.text, 9, 0), 9)
  t.equal(offsetInText('AT+CSQ', 3, 2), 2)
})

t.test('a part of a one-line template starts where its first character is written', async t => {
  t.strictSame(sliceTemplate(oneLine, 3), { text: 'CSQ', at: place(3, 10) })
  t.strictSame(sliceTemplate(oneLine, 0, 2), { text: 'AT', at: place(3, 7) })
})

t.test('a part of a template that could not be mapped is not mapped either', async t => {
  const unmapped: Template = { text: 'AT+CSQ', at: place(3, 7), spans: [] }
  t.strictSame(sliceTemplate(unmapped, 3), { text: 'CSQ', at: place(3, 7), spans: [] })
})

t.test('a part inside one run needs no spans', async t => {
  t.strictSame(sliceTemplate(runs, 4, 5), { text: 'e', at: place(3, 4) })
  t.strictSame(sliceTemplate(runs, 7), { text: 'hi', at: place(4, 4) })
})

t.test('a part that is exactly one run needs no spans', async t => {
  t.strictSame(sliceTemplate(runs, 3, 6), { text: 'def', at: place(3, 3) })
})

t.test('a part over several runs keeps the runs it covers, counted from its own start', async t => {
  t.strictSame(sliceTemplate(runs, 1, 8), {
    text: 'bcdefgh',
    at: place(2, 6),
    spans: [
      { offset: 0, line: 2, col: 6 },
      { offset: 2, line: 3, col: 3 },
      { offset: 5, line: 4, col: 3 },
    ],
  })
  t.strictSame(sliceTemplate(runs, 0, 6), {
    text: 'abcdef',
    at: place(2, 5),
    spans: [
      { offset: 0, line: 2, col: 5 },
      { offset: 3, line: 3, col: 3 },
    ],
  })
  t.strictSame(sliceTemplate(runs, 4), {
    text: 'efghi',
    at: place(3, 4),
    spans: [
      { offset: 0, line: 3, col: 4 },
      { offset: 2, line: 4, col: 3 },
    ],
  })
})

t.test('a part of a part is located as in the whole', async t => {
  const part = sliceTemplate(runs, 1, 8)
  t.same(locateInTemplate(sliceTemplate(part, 3), 0), locateInTemplate(runs, 4))
  t.same(locateInTemplate(part, 5), locateInTemplate(runs, 6))
})
