import t from 'tap'
import {
  familiesFor,
  findModemFamily,
  inferDeviceName,
  listDeviceNames,
  MODEM_FAMILIES,
  resolveModemFamily,
} from '../../src/modem/families/index.js'
import { isUrcLine, readPayloadLength } from '../../src/modem/urc-rule.js'

t.test('device names are matched exactly: no prefix or vendor-word fallback', async t => {
  t.equal(findModemFamily('simcom-a76xx')?.name, 'simcom')
  t.equal(findModemFamily('simcom-sim7600')?.name, 'simcom')
  t.equal(findModemFamily('simcom-a76xx-tls'), undefined, 'a longer name is not its prefix')
  t.equal(findModemFamily('simcomish'), undefined)
  t.equal(resolveModemFamily('simcom-a76xx-tls').name, 'generic', 'an unknown name reads as the generic modem')
  t.equal(resolveModemFamily(undefined).name, 'generic')
  t.same(listDeviceNames(), [
    'generic',
    'quectel',
    'quectel-bg95',
    'quectel-bg96',
    'quectel-eg25',
    'simcom',
    'simcom-a76xx',
    'simcom-sim7600',
  ])
})

t.test('each family holds its chat as data: the SIMCom bare prompt and payload URCs, the generic `> `', async t => {
  const simcom = resolveModemFamily('simcom-a76xx').chatProfile
  const generic = resolveModemFamily('generic').chatProfile
  t.equal(simcom.prompt, '>')
  t.equal(generic.prompt, '> ')
  t.equal(readPayloadLength('+CMQTTRXPAYLOAD: 0,60', simcom.urcs, simcom.maxPayloadBytes), 60)
  t.equal(readPayloadLength('+CMQTTRXPAYLOAD: 0,60', generic.urcs, generic.maxPayloadBytes), undefined)
  t.ok(isUrcLine('+CREG: 1', generic.urcs), 'both know the 27.007 URCs')
  t.ok(isUrcLine('+CREG: 1', simcom.urcs))
})

t.test('a sequence is read against its own family, or every family when its device names none', async t => {
  t.same(
    familiesFor('simcom-a76xx').map(f => f.name),
    ['simcom'],
  )
  t.same(
    familiesFor('generic').map(f => f.name),
    ['generic'],
  )
  t.same(
    familiesFor(undefined).map(f => f.name),
    MODEM_FAMILIES.map(f => f.name),
  )
  t.same(
    familiesFor('nobody-knows').map(f => f.name),
    MODEM_FAMILIES.map(f => f.name),
  )
})

t.test('every prompt-by-length command names a parameter, and no command is listed twice', async t => {
  for (const family of MODEM_FAMILIES) {
    const names = family.commands.map(c => c.name)
    t.same(names.length, new Set(names).size, `${family.name}: unique`)
    for (const command of family.commands) t.match(command.name, /^\+[A-Z0-9]+$/, `${family.name}: ${command.name} is written with its +`)
  }
  const topic = resolveModemFamily('simcom').commands.find(c => c.name === '+CMQTTTOPIC')
  t.equal(topic?.promptLengthParam, 1)
})

t.test('a draft is given the device its family-own commands name, and none for 27.007 commands alone', async t => {
  t.equal(inferDeviceName(['+CSQ', '+CMQTTSTART']), 'simcom-a76xx')
  t.equal(inferDeviceName(['+CFTPSLOGIN']), 'simcom-a76xx')
  t.equal(inferDeviceName(['+QMTOPEN', '+CSQ']), 'quectel')
  t.equal(inferDeviceName(['+QIOPEN']), 'quectel')
  t.equal(inferDeviceName(['+CSQ', '+CREG']), undefined)
})
