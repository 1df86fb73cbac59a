import t from 'tap'
import { ChatBusyError } from '../../src/at/chat-busy-error.js'

t.test('the busy error names the running command and itself', async t => {
  const error = new ChatBusyError('AT+CSQ')
  t.equal(error.code, 'chat-busy')
  t.equal(error.name, 'ChatBusyError')
  t.equal(error.runningCommand, 'AT+CSQ')
  t.match(error.message, /AT\+CSQ/)
  t.match(String(error), /^ChatBusyError: /)
})
