import t from 'tap'
import { parseAtCommand } from '../../src/modem/at-command-line.js'

t.test('command forms and parameters', async t => {
  t.match(parseAtCommand('AT'), { name: '', form: 'exec', args: [] })
  t.match(parseAtCommand('ate0'), { name: 'E', form: 'write', args: [{ text: '0' }] })
  t.match(parseAtCommand('ATI'), { name: 'I', form: 'exec' })
  t.match(parseAtCommand('AT+cmqttstart'), { name: '+CMQTTSTART', form: 'exec' })
  t.match(parseAtCommand('AT+CMQTTCONNECT?'), { name: '+CMQTTCONNECT', form: 'read' })
  t.match(parseAtCommand('AT+CMQTTCONNECT=?'), { name: '+CMQTTCONNECT', form: 'test' })
  t.same(parseAtCommand('AT+CMQTTACCQ=0, "client, test0" ,1')?.args, [
    { text: '0', quoted: false },
    { text: 'client, test0', quoted: true },
    { text: '1', quoted: false },
  ])
  t.same(
    parseAtCommand('AT+CMQTTPUB=0,1,60,,')?.args.map(a => a.text),
    ['0', '1', '60', '', ''],
  )
  t.equal(parseAtCommand('AT+CMQTTACCQ=0,"open'), undefined)
  t.equal(parseAtCommand('AT+CMQTTACCQ=0,"a"b'), undefined)
  t.equal(parseAtCommand('AT+X!'), undefined)
  t.equal(parseAtCommand('hello'), undefined)
})
