import t from 'tap'
import { decodeGsm7Septets, encodeGsm7Septets, packSeptets, unpackSeptets } from '../../src/modem/gsm7-alphabet.js'
import {
  decodeSmsDeliver,
  decodeSmsSubmit,
  encodeSmsDeliver,
  encodeSmsSubmit,
  encodeUcs2,
  splitSmsText,
  PduError,
  TOA_INTERNATIONAL,
} from '../../src/modem/sms-pdu.js'

const hex = (text: string): Buffer => Buffer.from(text, 'hex')

t.test('GSM 7-bit packing of the TS 23.038 examples', async t => {
  // "hellohello": the classic 10-septet packing into 9 octets
  t.equal(
    packSeptets(encodeGsm7Septets('hellohello') ?? [])
      .toString('hex')
      .toUpperCase(),
    'E8329BFD4697D9EC37',
  )
  t.equal(
    packSeptets(encodeGsm7Septets('How are you?') ?? [])
      .toString('hex')
      .toUpperCase(),
    'C8F71D14969741F977FD07',
  )
  t.equal(decodeGsm7Septets(unpackSeptets(hex('E8329BFD4697D9EC37'), 10)), 'hellohello')
  // eight septets fill exactly seven octets
  t.equal(
    packSeptets(encodeGsm7Septets('12345678') ?? [])
      .toString('hex')
      .toUpperCase(),
    '31D98C56B3DD70',
  )
})

t.test('the default alphabet and its extension table', async t => {
  t.same(encodeGsm7Septets('@£$¥'), [0, 1, 2, 3])
  t.same(encodeGsm7Septets('€'), [0x1b, 0x65])
  t.same(encodeGsm7Septets('[]{}|~^\\'), [0x1b, 0x3c, 0x1b, 0x3e, 0x1b, 0x28, 0x1b, 0x29, 0x1b, 0x40, 0x1b, 0x3d, 0x1b, 0x14, 0x1b, 0x2f])
  t.same(encodeGsm7Septets('ÄÖÑÜ§¿äöñüà'), [0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f])
  t.same(encodeGsm7Septets('ΔΦΓΛΩΠΨΣΘΞ'), [0x10, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a])
  t.equal(encodeGsm7Septets('你'), undefined)
  t.equal(encodeGsm7Septets('`'), undefined)
  t.equal(decodeGsm7Septets([0x1b, 0x65, 0x1b, 0x41]), '€A') // an unknown extension reads as the base character
})

t.test('an SMS-SUBMIT as a host sends it', async t => {
  // no SMSC address, TP-VPF relative, TP-MR 0, to +46708251358, GSM 7-bit, VP AA, "hellohello"
  const sms = decodeSmsSubmit(hex('0011000B916407281553F80000AA0AE8329BFD4697D9EC37'))
  t.match(sms, { mr: 0, to: { number: '+46708251358', type: 0x91 }, pid: 0, dcs: 0, validity: 0xaa, alphabet: 'gsm7', text: 'hellohello' })
  t.equal(sms.sca, undefined)
  t.equal(sms.statusReport, false)
  const again = encodeSmsSubmit(sms)
  t.equal(again.pdu.toString('hex').toUpperCase(), '0011000B916407281553F80000AA0AE8329BFD4697D9EC37')
  t.equal(again.tpduOctets, 23)
  // UCS2, status report asked for, with an SMSC address
  const ucs2 = decodeSmsSubmit(hex('0791947100000000' + '21' + '05' + '0C91947110325476' + '0008' + '04' + '4F60597D'))
  t.match(ucs2, {
    sca: { number: '+491700000000' },
    mr: 5,
    to: { number: '+491701234567' },
    statusReport: true,
    alphabet: 'ucs2',
    text: '你好',
  })
  t.throws(() => decodeSmsSubmit(hex('0011000B9164')), PduError)
  t.throws(() => decodeSmsSubmit(hex('0004')), PduError)
})

t.test('an SMS-DELIVER as the network brings it', async t => {
  // SMSC +27381000015, from 27838890001 (type C8), 99-03-29 15:16:59 +02:00, "hellohello"
  const sms = decodeSmsDeliver(hex('07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37'))
  t.match(sms, { sca: { number: '+27381000015' }, from: { number: '27838890001', type: 0xc8 }, text: 'hellohello' })
  t.equal(new Date(sms.sentAt.utcMs).toISOString(), '1999-03-29T13:16:59.000Z')
  t.equal(sms.sentAt.zoneQh, 8)
  const built = encodeSmsDeliver({
    sca: { number: '+491700000000', type: TOA_INTERNATIONAL },
    from: { number: '+491701234567', type: TOA_INTERNATIONAL },
    pid: 0,
    dcs: 0,
    sentAt: { utcMs: Date.UTC(2026, 11, 1, 10, 30, 5), zoneQh: -4 },
    alphabet: 'gsm7',
    text: 'hi',
  })
  // first octet 04: SMS-DELIVER with TP-MMS (no more messages); zone -1h = 4 quarters with the sign bit: 48
  t.equal(
    built.pdu.toString('hex').toUpperCase(),
    '0791947100000000' + '04' + '0C91947110325476' + '0000' + '62211090035048' + '02' + 'E834',
  )
  t.equal(built.tpduOctets, built.pdu.length - 8)
})

t.test('concatenated parts carry a header and fill bits', async t => {
  const long = 'h'.repeat(200)
  const parts = splitSmsText(long)
  t.same(
    parts.map(p => p.length),
    [153, 47],
  )
  const { pdu } = encodeSmsDeliver({
    from: { number: '123', type: 0x81 },
    pid: 0,
    dcs: 0,
    sentAt: { utcMs: 0, zoneQh: 0 },
    alphabet: 'gsm7',
    text: 'hh',
    concat: { ref: 0xcc, total: 2, seq: 1 },
  })
  // 00 (no SMSC) 44 (UDHI + MMS), UDL 9 septets (7 of header), header 050003CC0201, then 'h' shifted by one fill bit
  t.equal(pdu.toString('hex').toUpperCase().slice(-18), '09050003CC0201D068')
  t.match(decodeSmsDeliver(pdu), { text: 'hh', concat: { ref: 0xcc, total: 2, seq: 1 } })
  t.same(
    splitSmsText('€'.repeat(100)).map(p => p.length),
    [76, 24],
  ) // an escape pair is never split
  t.same(
    splitSmsText('你'.repeat(71)).map(p => p.length),
    [67, 4],
  )
  t.equal(encodeUcs2('A€').toString('hex'), '004120ac')
})
