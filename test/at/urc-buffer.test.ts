/** The URC buffer: what it keeps within its byte bound, who takes a URC, and the claim and listing ledgers. */
import t from 'tap'
import type { ChatLine } from '../../src/at/chat-types.js'
import { UrcBuffer, type UrcTaker } from '../../src/at/urc-buffer.js'

/** A URC line with its raw bytes, as the framer hands it on. */
function urc(text: string): ChatLine {
  return { atMs: 0, kind: 'urc', text, bytes: Buffer.from(text, 'utf8') }
}

const textsOf = (buffer: UrcBuffer): string[] => buffer.peek().map(line => line.text)

/** A taker for URCs that start with `prefix`; what it took lands in `taken`. */
function takerFor(prefix: string, taken: ChatLine[]): UrcTaker {
  return { matches: line => line.text.startsWith(prefix), take: line => taken.push(line) }
}

t.test('past maxBytes the oldest URCs are dropped first, and URCs that fit exactly are all kept', async t => {
  const buffer = new UrcBuffer(10)
  buffer.push(urc('AAAAA'))
  buffer.push(urc('BBBBB'))
  t.same(textsOf(buffer), ['AAAAA', 'BBBBB'], '10 bytes in a 10-byte buffer')
  buffer.push(urc('C'))
  t.same(textsOf(buffer), ['BBBBB', 'C'])
  buffer.push(urc('DDDD'))
  t.same(textsOf(buffer), ['BBBBB', 'C', 'DDDD'], 'the count went down by what was dropped')
  buffer.push(urc('E'))
  t.same(textsOf(buffer), ['C', 'DDDD', 'E'])
})

t.test('one URC larger than maxBytes is kept on its own', async t => {
  const buffer = new UrcBuffer(4)
  buffer.push(urc('A'))
  buffer.push(urc('+CMQTTRXTOPIC: 0,9'))
  t.same(textsOf(buffer), ['+CMQTTRXTOPIC: 0,9'])
  buffer.push(urc('B'))
  t.same(textsOf(buffer), ['B'])
})

t.test('the bound counts raw bytes, and the text where a line has no bytes', async t => {
  const buffer = new UrcBuffer(7)
  buffer.push(urc('ééé'))
  buffer.push(urc('A'))
  t.same(textsOf(buffer), ['ééé', 'A'], 'three two-byte characters and one byte: 7 bytes')
  buffer.push(urc('B'))
  t.same(textsOf(buffer), ['A', 'B'], 'one more byte is over: counted as text, it would still fit')
  const textOnly = new UrcBuffer(4)
  textOnly.push({ atMs: 0, kind: 'urc', text: 'AB' })
  textOnly.push({ atMs: 0, kind: 'urc', text: 'CD' })
  t.same(textsOf(textOnly), ['AB', 'CD'])
  textOnly.push({ atMs: 0, kind: 'urc', text: 'E' })
  t.same(textsOf(textOnly), ['CD', 'E'])
})

t.test('a URC taken from the buffer is claimed, and its bytes no longer count', async t => {
  const buffer = new UrcBuffer(10)
  buffer.push(urc('AAAAAA'))
  const taken = buffer.takeFirst(line => line.text.startsWith('A'))
  t.equal(taken?.text, 'AAAAAA')
  t.equal(buffer.isClaimed(taken as ChatLine), true)
  t.equal(
    buffer.takeFirst(line => line.text.startsWith('A')),
    undefined,
  )
  buffer.push(urc('BBBBBB'))
  buffer.push(urc('CCC'))
  t.same(textsOf(buffer), ['BBBBBB', 'CCC'], '9 bytes kept: the taken URC left the count')
})

t.test('a line is claimed once: the second claim is refused', async t => {
  const buffer = new UrcBuffer()
  const line = urc('+CREG: 1')
  t.equal(buffer.isClaimed(line), false)
  t.equal(buffer.claim(line), true)
  t.equal(buffer.isClaimed(line), true)
  t.equal(buffer.claim(line), false)
})

t.test('claiming a buffered URC removes only that URC, wherever it sits', async t => {
  const buffer = new UrcBuffer()
  const lines = [urc('A'), urc('B'), urc('C')]
  for (const line of lines) buffer.push(line)
  t.equal(buffer.claim(lines[1] as ChatLine), true)
  t.same(textsOf(buffer), ['A', 'C'])
  t.equal(buffer.claim(lines[0] as ChatLine), true)
  t.same(textsOf(buffer), ['C'])
  t.equal(buffer.claim(urc('never buffered')), true, 'a response line is claimed too')
  t.same(textsOf(buffer), ['C'], 'and claiming it removes nothing')
})

t.test('claiming a buffered URC frees its bytes', async t => {
  const buffer = new UrcBuffer(10)
  const first = urc('AAAAAA')
  buffer.push(first)
  buffer.claim(first)
  buffer.push(urc('BBBBBB'))
  buffer.push(urc('CCC'))
  t.same(textsOf(buffer), ['BBBBBB', 'CCC'])
})

t.test('a listed line is remembered as listed, others are not', async t => {
  const buffer = new UrcBuffer()
  const listed = urc('+CPIN: READY')
  t.equal(buffer.wasListed(listed), false)
  buffer.markListed(listed)
  t.equal(buffer.wasListed(listed), true)
  t.equal(buffer.wasListed(urc('+CPIN: READY')), false, 'the same text in another line is another line')
})

t.test('a waiting taker claims the first URC it matches once; a removed taker takes nothing', async t => {
  const buffer = new UrcBuffer()
  const taken: ChatLine[] = []
  const taker = takerFor('+CMQTTCONNLOST', taken)
  buffer.addTaker(taker)
  t.equal(buffer.takerCount, 1)
  buffer.push(urc('+CREG: 1'))
  buffer.push(urc('+CMQTTCONNLOST: 0,1'))
  buffer.push(urc('+CMQTTCONNLOST: 0,2'))
  t.same(
    taken.map(line => line.text),
    ['+CMQTTCONNLOST: 0,1'],
  )
  t.equal(buffer.isClaimed(taken[0] as ChatLine), true)
  t.equal(buffer.takerCount, 0)
  t.same(textsOf(buffer), ['+CREG: 1', '+CMQTTCONNLOST: 0,2'])

  const later: ChatLine[] = []
  const removed = takerFor('+CREG', later)
  buffer.addTaker(removed)
  buffer.removeTaker(removed)
  t.equal(buffer.takerCount, 0)
  buffer.push(urc('+CREG: 5'))
  t.same(later, [])
  t.same(textsOf(buffer), ['+CREG: 1', '+CMQTTCONNLOST: 0,2', '+CREG: 5'])
})

t.test('takeAll empties the buffer and its byte count', async t => {
  const buffer = new UrcBuffer(6)
  buffer.push(urc('AAA'))
  buffer.push(urc('BBB'))
  t.same(
    buffer.takeAll().map(line => line.text),
    ['AAA', 'BBB'],
  )
  t.same(textsOf(buffer), [])
  buffer.push(urc('CCC'))
  buffer.push(urc('DDD'))
  t.same(textsOf(buffer), ['CCC', 'DDD'])
})
