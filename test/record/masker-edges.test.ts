/** The masker at its edges: identifier lengths and neighbours, keys in parts, secrets with regex characters. */
import t from 'tap'
import { MASK, Masker } from '../../src/record/masker.js'
import { maskIdentifiers } from '../../src/record/mask-identifiers.js'

t.test('device numbers are masked at 14 to 16 digits standing alone, and only then', async t => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['1234567890123', '1234567890123'],
    ['12345678901234', '00000000000000'],
    ['1234567890123456', '0000000000000000'],
    ['12345678901234567', '12345678901234567'],
    ['a12345678901234', 'a12345678901234'],
    ['12345678901234b', '12345678901234b'],
    ['IMEI:12345678901234,', 'IMEI:00000000000000,'],
  ]
  for (const [text, masked] of cases) t.equal(maskIdentifiers(text), masked, text)
})

t.test('an ICCID is 89 and 17 or 18 digits, maybe ending F, and keeps its prefix and F', async t => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['8912345678901234567', '8900000000000000000'],
    ['89123456789012345678', '89000000000000000000'],
    ['89123456789012345678F', '89000000000000000000F'],
    ['891234567890123456789', '891234567890123456789'],
    ['89123456789012345678G', '89123456789012345678G'],
    ['x89123456789012345678', 'x89123456789012345678'],
  ]
  for (const [text, masked] of cases) t.equal(maskIdentifiers(text), masked, text)
})

t.test('an international number is + and 8 to 15 digits, not after a letter', async t => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['+1234567', '+1234567'],
    ['+12345678', '+00000000'],
    ['+123456789012345', '+000000000000000'],
    ['x+12345678', 'x+12345678'],
    ['+12345678a', '+00000000a'],
  ]
  for (const [text, masked] of cases) t.equal(maskIdentifiers(text), masked, text)
})

t.test('the number of +CNUM is masked in any form, its plus and type kept', async t => {
  t.equal(maskIdentifiers('+CNUM: "Me","+4915112345",145'), '+CNUM: "Me","+0000000000",145')
  t.equal(maskIdentifiers('+cnum: "","123",129'), '+cnum: "","000",129')
  t.equal(maskIdentifiers('+CNUM:"x" , "42",129'), '+CNUM:"x" , "00",129')
})

t.test('a key written in parts is masked part by part; its body lines are masked wherever they come back', async t => {
  const masker = new Masker()
  t.equal(masker.mask('-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n'), `${MASK}\n`)
  t.equal(masker.mask('OK'), 'OK', 'a short reply while the key is open is not key material')
  t.equal(masker.mask('QUJDREVGR0hJSktMTU5PUA==\n'), MASK, 'a body-only part')
  t.equal(masker.mask('tail-----END RSA PRIVATE KEY-----\r\nOK'), `${MASK}\r\nOK`, 'the end, and what follows it kept')
  t.equal(masker.mask('abcdefghijklmnopqrstu\n'), 'abcdefghijklmnopqrstu\n', 'after the end, body-shaped text is text again')
  t.equal(masker.mask('echo MIIEowIBAAKCAQEA'), `echo ${MASK}`, 'a body line seen in the key')
  t.equal(masker.mask('AT+X=QUJDREVGR0hJSktMTU5PUA=='), `AT+X=${MASK}`)
})

t.test('a key line shorter than 8 characters is not learned as a secret', async t => {
  const masker = new Masker()
  masker.mask('-----BEGIN PRIVATE KEY-----\nAbCdEfG\nAbCdEfGh\n-----END PRIVATE KEY-----')
  t.equal(masker.mask('AbCdEfG.'), 'AbCdEfG.')
  t.equal(masker.mask('AbCdEfGh'), MASK)
})

t.test('a secret with regular-expression characters is masked as written, never as a pattern', async t => {
  for (const secret of ['a.b', 'a*b', 'a+b', 'a?b', 'a^b', 'a$b', 'a{1}b', 'a(b)', 'a|b', 'a[b]', 'a\\b', 'a/b', 'a-b']) {
    const masker = new Masker({ secrets: [secret] })
    t.equal(masker.mask(`<${secret}>`), `<${MASK}>`, secret)
    t.equal(masker.mask('<ab> <aab> <axb>'), '<ab> <aab> <axb>', `${secret} matches nothing else`)
  }
})

t.test('secrets learnt later are masked from then on, and the same secret twice is one', async t => {
  const masker = new Masker({ secrets: ['first1'] })
  t.equal(masker.mask('first1 second2'), `${MASK} second2`)
  masker.addSecret('second2')
  masker.addSecret('second2')
  t.equal(masker.mask('first1 second2'), `${MASK} ${MASK}`)
})

t.test('a credential is learnt from a command line behind other bytes and before Ctrl-Z or ESC', async t => {
  const masker = new Masker()
  masker.mask('\r\n> AT+CMQTTCONNECT=0,"tcp://h:1883",60,1,"u","p1x-secret"')
  t.equal(masker.mask('p1x-secret'), MASK, 'after a prompt and spaces')
  masker.mask('AT+CMQTTCONNECT=0,"tcp://h:1883",60,1,"u","p2x-secret"\u001a')
  t.equal(masker.mask('p2x-secret'), MASK, 'before Ctrl-Z')
  masker.mask('AT+CMQTTCONNECT=0,"tcp://h:1883",60,1,"u","p3x-secret"\u001b\u001a')
  t.equal(masker.mask('p3x-secret'), MASK, 'before ESC and Ctrl-Z')
  // Only the Ctrl-Z and ESC that end the line go: one inside the password is part of it.
  masker.mask('AT+CMQTTCONNECT=0,"tcp://h:1883",60,1,"u","p4x\u001bsecret"\u001a')
  t.equal(masker.mask('p4x\u001bsecret'), MASK, 'with ESC inside')
  t.equal(masker.mask('p4xsecret'), 'p4xsecret', 'the password without its ESC is not what was learned')
})

t.test('a line that names a credential command without being one is masked as any other line', async t => {
  const masker = new Masker({ secrets: ['p5x-secret'] })
  t.equal(masker.mask('+CMQTTCONNECT: 0,0'), '+CMQTTCONNECT: 0,0', 'a result line of the command')
  t.equal(masker.mask('see AT+CMQTTCONNECT? p5x-secret'), `see AT+CMQTTCONNECT? ${MASK}`, 'its read form learns nothing')
})

t.test('a conditional credential rule matches its condition in any case, and only its condition', async t => {
  const masker = new Masker()
  t.equal(masker.mask('AT+CSSLCFG="PASSWORD",0,"keypass1"'), `AT+CSSLCFG="PASSWORD",0,"${MASK}"`)
  t.equal(masker.mask('AT+CSSLCFG="cacert",0,"ca.pem"'), 'AT+CSSLCFG="cacert",0,"ca.pem"')
})

t.test('a capture masks only its named groups; a pattern without groups learns nothing', async t => {
  const masker = new Masker()
  masker.addSecretCapture(/^\+PAIR: (?<user>\w+),(?<token>\w+)$/g, ['token'])
  masker.addSecretCapture(/^\+ANY: (\w+)$/, [])
  t.equal(masker.mask('+PAIR: alice,tok123'), `+PAIR: alice,${MASK}`)
  t.equal(masker.mask('+PAIR: bob,tok456'), `+PAIR: bob,${MASK}`, 'a global pattern matches every line, not every other one')
  t.equal(masker.mask('+ANY: word'), '+ANY: word')
})

t.test('deep masking keeps numbers, booleans, null and shape', async t => {
  const masker = new Masker({ secrets: ['zz9'] })
  t.same(masker.maskDeep({ a: ['zz9', 1, true, null], b: { c: 'x zz9' }, d: undefined }), {
    a: [MASK, 1, true, null],
    b: { c: `x ${MASK}` },
    d: undefined,
  })
  t.equal(masker.maskDeep(5), 5)
  t.equal(masker.maskDeep(null), null)
})

t.test('bytes that need no masking come back as they were; UTF-8 stays UTF-8', async t => {
  const masker = new Masker({ secrets: ['zz9'] })
  const clean = Buffer.from('설정 OK')
  t.equal(masker.maskBytes(clean), clean, 'the same buffer')
  t.same(masker.maskBytes(Buffer.from('설정 zz9')), Buffer.from(`설정 ${MASK}`))
})

t.test('the mask is six bullets', async t => {
  t.equal(new Masker({ secrets: ['pw'] }).mask('pw'), '\u2022\u2022\u2022\u2022\u2022\u2022')
})

t.test('the longer of two overlapping secrets wins whatever order they were given in', async t => {
  t.equal(new Masker({ secrets: ['hunter', 'hunter2'] }).mask('hunter2!'), `${MASK}!`)
  t.equal(new Masker({ secrets: ['ab', 'abcd', 'abc'] }).mask('abcd'), MASK)
})

t.test('a secret is masked in its JSON-escaped form and its unpadded base64', async t => {
  const masker = new Masker({ secrets: ['a"b\ncd'] })
  t.equal(masker.mask('{"v":"a\\"b\\ncd"}'), `{"v":"${MASK}"}`)
  t.equal(new Masker({ secrets: ['a'] }).mask('<YQ>'), `<${MASK}>`, "base64 'YQ==' without its padding")
})

t.test('a credential command cut short of its credential teaches nothing and does not throw', async t => {
  const masker = new Masker()
  t.equal(masker.mask('AT+CMQTTCONNECT=0,"tcp://h:1883",60,1'), 'AT+CMQTTCONNECT=0,"tcp://h:1883",60,1')
  t.equal(masker.mask('AT+CSSLCFG'), 'AT+CSSLCFG')
})

t.test('a key end with no beginning in view is masked up to the end: its beginning may have come earlier', async t => {
  t.equal(new Masker().mask('x-----END PRIVATE KEY-----\nOK'), `${MASK}\nOK`)
})

t.test('key body lines are learned without their indentation', async t => {
  const masker = new Masker()
  masker.mask('-----BEGIN PRIVATE KEY-----\n  MIIEowIBAAKCAQEA\r\n\tQUJDREVGR0hJSktM\n-----END PRIVATE KEY-----')
  t.equal(masker.mask('x:MIIEowIBAAKCAQEA'), `x:${MASK}`)
  t.equal(masker.mask('x:QUJDREVGR0hJSktM'), `x:${MASK}`)
})
