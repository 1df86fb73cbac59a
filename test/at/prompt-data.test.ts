/** Prompt data as written and as a modem with echo on sends it back. */
import t from 'tap'
import { encodePromptData, splitIntoLines } from '../../src/at/prompt-data.js'

t.test('the echo of prompt data is its non-empty lines, whatever the line ends', async t => {
  t.same(splitIntoLines(Buffer.from('a\r\n\r\nb\rc\n\nd\n')), ['a', 'b', 'c', 'd'])
  t.same(splitIntoLines(Buffer.from('\r\n')), [], 'a block of line ends echoes no line')
  t.same(splitIntoLines(Buffer.alloc(0)), [])
})

t.test('prompt data is written with the end the step asks for', async t => {
  t.same([...encodePromptData(Buffer.from('hi'), 'ctrl-z')], [0x68, 0x69, 0x1a])
  t.same([...encodePromptData(Buffer.from('hi'), 'esc')], [0x68, 0x69, 0x1b])
  t.same([...encodePromptData(Buffer.from('hi'), 'none')], [0x68, 0x69])
})
