import t from 'tap'
import fc from 'fast-check'
import { escapeXmlAttribute, escapeXmlText, replaceForbiddenXmlChars } from '../../../src/report/junit/escape-xml.js'

const FORBIDDEN_IN_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const unescapeXml = (text: string): string =>
  text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

t.test('markup characters become entities', async t => {
  t.equal(escapeXmlText('<a> & ]]>'), '&lt;a&gt; &amp; ]]&gt;')
  t.equal(escapeXmlAttribute(`"x" 'y' <z>\n\t`), '&quot;x&quot; &apos;y&apos; &lt;z&gt;&#10;&#9;')
})

t.test('characters XML 1.0 forbids are shown as \\xNN or \\uNNNN', async t => {
  t.equal(replaceForbiddenXmlChars('A\u0000B\u001bC'), 'A\\x00B\\x1bC')
  t.equal(replaceForbiddenXmlChars('\uFFFE\uD800x'), '\\ufffe\\ud800x')
  t.equal(replaceForbiddenXmlChars('tab\tlf\ncr\r 😀'), 'tab\tlf\ncr\r 😀', 'allowed characters and surrogate pairs are kept')
})

t.test('any string escapes to legal XML that reads back as the string with forbidden characters shown', async () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), s => {
      const text = escapeXmlText(s)
      const attribute = escapeXmlAttribute(s)
      return (
        !FORBIDDEN_IN_XML.test(text) &&
        !/[<>]/.test(text) &&
        !/[<>"\n]/.test(attribute) &&
        unescapeXml(text) === replaceForbiddenXmlChars(s) &&
        unescapeXml(attribute) === replaceForbiddenXmlChars(s)
      )
    }),
  )
})

// Each end of every range XML 1.0 forbids, and the allowed character just past it, with what it becomes in text.
const EDGES: ReadonlyArray<readonly [string, string]> = [
  ['\u0000', '\\x00'],
  ['\u0008', '\\x08'],
  ['\u0009', '\u0009'],
  ['\u000a', '\u000a'],
  ['\u000b', '\\x0b'],
  ['\u000c', '\\x0c'],
  ['\u000d', '\u000d'],
  ['\u000e', '\\x0e'],
  ['\u001f', '\\x1f'],
  ['\u0020', '\u0020'],
  ['\ud7ff', '\ud7ff'],
  ['\ue000', '\ue000'],
  ['\ufffd', '\ufffd'],
  ['\ufffe', '\\ufffe'],
  ['\uffff', '\\uffff'],
  ['\ud800', '\\ud800'],
  ['\udbff', '\\udbff'],
  ['\udc00', '\\udc00'],
  ['\udfff', '\\udfff'],
  ['\ud800\udc00', '\ud800\udc00'],
  ['\udbff\udfff', '\udbff\udfff'],
  ['\udc00\ud800', '\\udc00\\ud800'],
]

t.test('the edges of every forbidden range: the range end is shown, the allowed neighbour kept', async t => {
  for (const [input, shown] of EDGES) {
    const name = [...input].map(char => char.charCodeAt(0).toString(16)).join(' ')
    t.equal(replaceForbiddenXmlChars(`a${input}b`), `a${shown}b`, name)
  }
})

t.test('text keeps quotes and line breaks; an attribute turns each into its reference', async t => {
  t.equal(escapeXmlText(`"q" 'a'\t\n\r`), `"q" 'a'\t\n\r`)
  t.equal(escapeXmlAttribute('a\rb&c>d'), 'a&#13;b&amp;c&gt;d')
  t.equal(escapeXmlAttribute('\u0001<'), '\\x01&lt;', 'forbidden characters are shown, then markup escaped')
  t.equal(escapeXmlText('\u0001&'), '\\x01&amp;')
})
