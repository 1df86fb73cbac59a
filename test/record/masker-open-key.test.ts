/** While a private key is open, only key material is masked; and the recorder's own defaults. */
import t from 'tap'
import { MASK, Masker } from '../../src/record/masker.js'
import { Recorder } from '../../src/record/recorder.js'

const BEGIN = '-----BEGIN RSA PRIVATE KEY-----'

const OPENING = `${BEGIN}\r\nMIIEowIBAAKCAQEA\r\nQUJDREVGR0hJSktM\r\n`

t.test('an opening part with several body lines is masked whole', async t => {
  t.equal(new Masker().mask(OPENING), `${MASK}\r\n`)
})

t.test('a body-only part of several lines is masked; a reply around body text is not', async t => {
  const masker = new Masker()
  masker.mask(OPENING)
  t.equal(masker.mask('+X: Zm9vYmFyYmF6cXV4cXV1eA=='), '+X: Zm9vYmFyYmF6cXV4cXV1eA==', 'text before the body')
  t.equal(masker.mask('Zm9vYmFyYmF6cXV4cXV1eA==:OK'), 'Zm9vYmFyYmF6cXV4cXV1eA==:OK', 'text after the body')
  t.equal(masker.mask('Zm9vYmFyYmF6\r\ncXV4cXV1eA==\r\n'), MASK, 'two body lines in one part')
})

t.test('deep masking keeps arrays arrays', async t => {
  const masked = new Masker().maskDeep({ list: ['a', 'b'] })
  t.ok(Array.isArray(masked.list))
})

t.test('a conditional credential command with no arguments teaches nothing and does not throw', async t => {
  const masker = new Masker()
  t.equal(masker.mask('AT+CSSLCFG='), 'AT+CSSLCFG=')
})

t.test('without a clock the recorder uses the process clock', async t => {
  const recorder = new Recorder({
    header: {
      atseqVersion: '0',
      sequence: { name: 's', file: 's.yaml', sha256: 'x', tags: [] },
      device: { url: 'sim://x', settings: {}, identity: {} },
      commandLine: [],
    },
    masker: new Masker(),
  })
  recorder.recordRx(Buffer.from('+Y'))
  recorder.recordRx(Buffer.from('Z\r\n'))
  const record = recorder.finish('passed', 0)
  t.ok(Number.isFinite(record.durationMs) && record.durationMs >= 0, 'a duration in ms')
  t.same(
    record.transcript.map(entry => Buffer.from(entry.data, 'base64').toString()),
    ['+YZ\r\n'],
    'two reads before a line end are one entry',
  )
})
