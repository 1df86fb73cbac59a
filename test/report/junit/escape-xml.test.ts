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
