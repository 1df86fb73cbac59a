import t from 'tap'
import { MASK, Masker } from '../../src/record/masker.js'

t.test('secret values are masked wherever they appear, longest first', async t => {
  const masker = new Masker({ secrets: ['hunter2', 'hunter'] })
  t.equal(masker.mask('AT+X="hunter2",hunter'), `AT+X="${MASK}",${MASK}`)
})

t.test('an empty secret masks nothing', async t => {
  t.equal(new Masker({ secrets: [''] }).mask('OK'), 'OK')
})

t.test('identifiers are masked by rule unless opted out', async t => {
  const line = 'IMEI: 861234567890123 ICCID 89860012345678901234 +CSQ: 23,0'
  t.equal(new Masker().mask(line), 'IMEI: 000000000000000 ICCID 89000000000000000000 +CSQ: 23,0')
  t.equal(new Masker({ maskIdentifiers: false }).mask(line), line)
})

t.test('the MQTT user and password of AT+CMQTTCONNECT are masked even when written literally', async t => {
  const masker = new Masker()
  const masked = masker.mask('AT+CMQTTCONNECT=0,"tcp://h:1883",60,1,"user","s3cret"\r')
  t.equal(masked, `AT+CMQTTCONNECT=0,"tcp://h:1883",60,1,"${MASK}","${MASK}"\r`)
  t.equal(masker.mask('echo s3cret'), `echo ${MASK}`, 'and wherever they appear afterwards (the echo)')
})

t.test('private keys are masked whole', async t => {
  const pem = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\nabc\n-----END EC PRIVATE KEY-----\n'
  const masked = new Masker().mask(`key:${pem}`)
  t.notMatch(masked, /MHcCAQEE|abc/)
  t.equal(masked, `key:${MASK}\n`, 'the whole key becomes the mask, which a replay reads as any bytes')
})

t.test('binary bytes survive masking byte for byte', async t => {
  const bytes = Buffer.from([0xff, 0x00, 0x41, 0xfe, 0x0d, 0x0a])
  t.same(new Masker({ secrets: ['zzz'] }).maskBytes(bytes), bytes)
  const withSecret = Buffer.concat([Buffer.from([0xff]), Buffer.from('pw=zzz')])
  t.same(new Masker({ secrets: ['zzz'] }).maskBytes(withSecret), Buffer.concat([Buffer.from([0xff]), Buffer.from(`pw=${MASK}`, 'latin1')]))
})

t.test('every form a template helper can give a secret is masked; its length is not', async t => {
  const masker = new Masker({ secrets: ['Pa55"word\\'] })
  const hex = Buffer.from('Pa55"word\\').toString('hex')
  for (const form of [
    'Pa55"word\\',
    'PA55"WORD\\',
    'pa55"word\\',
    hex.toUpperCase(),
    hex,
    Buffer.from('Pa55"word\\').toString('base64'),
    'Pa55\\22word\\5C',
  ]) {
    t.equal(masker.mask(`x${form}y`), `x${MASK}y`, form)
  }
  t.equal(masker.mask('len 10'), 'len 10')
})

t.test('a capture into a secret var masks the line it arrives on and every later one', async t => {
  const masker = new Masker()
  masker.addSecretCapture(/^\+TOKEN: (?<token>\w+)$/, ['token'])
  t.equal(masker.mask('\r\n+TOKEN: abc123xyz\r\n'), `\r\n+TOKEN: ${MASK}\r\n`)
  t.equal(masker.mask('AT+USE="abc123xyz"'), `AT+USE="${MASK}"`)
  t.equal(masker.mask('+OTHER: abc'), '+OTHER: abc')
})

t.test('credentials in any URL are masked, user and password', async t => {
  const masker = new Masker()
  t.equal(masker.mask('--broker mqtt://bob:pw@127.0.0.1:1883'), `--broker mqtt://${MASK}@127.0.0.1:1883`)
  t.equal(masker.mask('tcp://user:pass@h:4001'), `tcp://${MASK}@h:4001`)
  t.equal(masker.mask('tcp://h:4001'), 'tcp://h:4001')
})

t.test('credential parameters the modem vocabulary marks are masked, by condition', async t => {
  const masker = new Masker()
  t.equal(masker.mask('AT+CSSLCFG="password",0,"keypass"'), `AT+CSSLCFG="password",0,"${MASK}"`)
  t.equal(masker.mask('AT+CSSLCFG="sslversion",0,4'), 'AT+CSSLCFG="sslversion",0,4')
})

t.test('a private key split over two writes is masked in both parts', async t => {
  const masker = new Masker()
  const first = masker.mask('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQ\n')
  const middle = masker.mask('EFAASCBKcwggSjAgEAAoIBAQC7\n')
  t.equal(masker.mask('\r\nOK\r\n'), '\r\nOK\r\n', 'short lines between the parts are kept')
  const second = masker.mask('VO3pZ8nXlQ2yq1sHTm4Kcf9a\n-----END PRIVATE KEY-----\n')
  for (const part of [first, middle, second]) t.notMatch(part, /MIIE|EFAA|VO3p/)
  t.equal(masker.mask('after the key'), 'after the key')
})

t.test('identifiers of every kind keep their shape; secrets are masked even with identifiers shown', async t => {
  const masker = new Masker()
  t.equal(masker.mask('86123456789012'), '00000000000000', 'IMEI without check digit')
  t.equal(masker.mask('8612345678901234'), '0000000000000000', 'IMEISV')
  t.equal(masker.mask('8986001234567890123F'), '8900000000000000000F', 'ICCID with filler')
  t.equal(masker.mask('+CNUM: "","+4917012345678",145'), '+CNUM: "","+0000000000000",145')
  t.equal(masker.mask('+CNUM: "","017012345",129'), '+CNUM: "","000000000",129')
  t.equal(masker.mask('+CSQ: 23,99 1234567890123'), '+CSQ: 23,99 1234567890123', 'shorter numbers are kept')
  const shown = new Masker({ maskIdentifiers: false, secrets: ['861234567890123'] })
  t.equal(shown.mask('861234567890124 861234567890123'), `861234567890124 ${MASK}`)
})

t.test('masking a step result masks every string inside it and is stable when repeated', async t => {
  const masker = new Masker({ secrets: ['hunter2'] })
  const step = { action: 'AT+P="hunter2"', received: [{ atMs: 1, text: '+CGSN: 861234567890123' }], attempts: 1 }
  const masked = masker.maskDeep(step)
  t.same(masked, { action: `AT+P="${MASK}"`, received: [{ atMs: 1, text: '+CGSN: 000000000000000' }], attempts: 1 })
  t.same(masker.maskDeep(masked), masked)
})

t.test('an unfinished key is masked up to its last body line; the prompt after it survives for a replay', async t => {
  const masker = new Masker()
  t.equal(masker.mask('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n\r\n>'), `${MASK}\n\r\n>`)
  t.equal(masker.mask('hkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n\r\nOK\r\n'), `${MASK}\n\r\nOK\r\n`)
})
