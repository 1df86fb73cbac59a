// The masker skips the scans a text cannot need (no digits in a row, no `-----`, no `://`, no command with credential
// parameters); these are the texts at the edges of each shortcut, which must still be masked as if every scan ran.
import t from 'tap'
import { MASK, Masker } from '../../src/record/masker.js'

t.test('the shortest international number (+ and 8 digits) is still masked', async t => {
  t.equal(new Masker().mask('+CLIP: "+12345678",145'), '+CLIP: "+00000000",145')
  t.equal(new Masker().mask('+CLIP: "+1234567",145'), '+CLIP: "+1234567",145', 'seven digits are no identifier')
})

t.test('a +CNUM number of any length and case is masked', async t => {
  t.equal(new Masker().mask('+cnum: "","123",129'), '+cnum: "","000",129')
})

t.test('the end of a key with no beginning seen is masked', async t => {
  const masked = new Masker().mask('MHcCAQEEIBody\n-----END EC PRIVATE KEY-----\r\nOK')
  t.equal(masked, `${MASK}\r\nOK`)
})

t.test('a key body line after an unfinished key is masked though it has no dashes', async t => {
  const masker = new Masker()
  masker.mask('-----BEGIN EC PRIVATE KEY-----\n')
  t.equal(masker.mask('MHcCAQEEIKeyBodyLine0123456789\n'), MASK)
})

t.test('credentials of a command written in lower case are learned', async t => {
  const masker = new Masker()
  masker.mask('at+cmqttconnect=0,"tcp://h:1883",60,1,"user","s3cret"\r')
  t.equal(masker.mask('+CMQTTRXPAYLOAD: s3cret'), `+CMQTTRXPAYLOAD: ${MASK}`)
})

t.test('the user info of a URL with an upper-case scheme is masked', async t => {
  t.equal(new Masker().mask('MQTTS://user:pw@broker'), `MQTTS://${MASK}@broker`)
})
