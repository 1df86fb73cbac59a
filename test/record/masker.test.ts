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
  t.equal(new Masker().mask(line), `IMEI: ${MASK} ICCID ${MASK} +CSQ: 23,0`)
  t.equal(new Masker({ maskIdentifiers: false }).mask(line), line)
})

t.test('the MQTT password of AT+CMQTTCONNECT is masked even when written literally', async t => {
  const masked = new Masker().mask('AT+CMQTTCONNECT=0,"tcp://h:1883",60,1,"user","s3cret"\r')
  t.equal(masked, `AT+CMQTTCONNECT=0,"tcp://h:1883",60,1,"user","${MASK}"\r`)
})

t.test('private keys are masked whole', async t => {
  const pem = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\nabc\n-----END EC PRIVATE KEY-----\n'
  const masked = new Masker().mask(`key:${pem}`)
  t.notMatch(masked, /MHcCAQEE|abc/)
  t.match(masked, /PRIVATE KEY/)
})

t.test('binary bytes survive masking byte for byte', async t => {
  const bytes = Buffer.from([0xff, 0x00, 0x41, 0xfe, 0x0d, 0x0a])
  t.same(new Masker({ secrets: ['zzz'] }).maskBytes(bytes), bytes)
  const withSecret = Buffer.concat([Buffer.from([0xff]), Buffer.from('pw=zzz')])
  t.same(new Masker({ secrets: ['zzz'] }).maskBytes(withSecret), Buffer.concat([Buffer.from([0xff]), Buffer.from(`pw=${MASK}`, 'latin1')]))
})
