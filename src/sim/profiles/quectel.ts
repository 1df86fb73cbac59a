/**
 * The Quectel profiles: a BG96 (LPWA, Cat-M1/NB-IoT) and an EG25-G (LTE Standard, Cat 4). They share the 3GPP
 * bring-up services with the SIMCom profiles and have Quectel's own MQTT, TCP/IP, SSL and file services.
 * What differs between the two is data here; docs/quectel-reference-notes.md gives the evidence for each value.
 */
import type { SimBehaviour, SimLimits, SimProfile, SmsTraits } from '../sim-profile.js'
import type { QuectelTraits } from './quectel-traits.js'

const QUECTEL_LIMITS: SimLimits = {
  mqttClients: 6,
  sslContexts: 6,
  clientIdBytes: { min: 1, max: 256 },
  topicBytes: { min: 1, max: 1024 },
  payloadBytes: { min: 0, max: 4096 },
  keepaliveS: { min: 0, max: 3600 },
  pubTimeoutS: { min: 1, max: 60 },
  willMessageBytes: { min: 0, max: 255 },
  userPassBytes: { min: 0, max: 256 },
  serverAddrChars: { min: 1, max: 100 },
  certFileNameChars: { min: 1, max: 80 },
  certFileBytes: 10240,
  queuedTopics: 0,
  rxChunkBytes: 4096,
  smsStorage: { SM: 50, ME: 255 },
}

/** AT+CPMS offers `MT` besides `SM` and `ME` (the module's own storage again); AT+CSCS lists GSM first. */
const BG96_SMS: SmsTraits = {
  storages: ['SM', 'ME', 'MT'],
  defaultStorages: ['SM', 'SM', 'SM'],
  characterSets: ['GSM', 'IRA', 'UCS2'],
  ackTimeoutMs: 15_000,
}

/** The LTE Standard modules keep new messages in the module's own storage out of the box (`+CMTI: "ME",<index>`). */
const EG25_SMS: SmsTraits = { ...BG96_SMS, defaultStorages: ['ME', 'ME', 'ME'] }

/** The SIMCom CMQTT switches do not apply: a Quectel profile has no `mqtt` service. */
const QUECTEL_BEHAVIOUR: SimBehaviour = {
  mqttServiceResult: 'after-ok',
  mqttNeedsStart: false,
  mqttStartTwice: 'plain',
  mqttConnectFailsInline: false,
  mqttDefaultPort: undefined,
  mqttAccqVersion: false,
  mqttNonetAfterStop: false,
  echoPromptInput: false,
  rxDataCrlf: false,
  smsStatusReportIndication: true,
  httpReadLines: 'length',
  identityStyle: 'quectel',
  batteryAnswer: 'charge-and-mv',
}

const BG96_TRAITS: QuectelTraits = {
  mqtt: {
    clients: 6,
    payloadBytes: 1548,
    hostBytes: 100,
    willBytes: 255,
    recvBuffers: 5,
    topicsPerRequest: 1,
    pubWithLength: true,
    pubEx: false,
    recvLengthOption: true,
  },
  tcpip: { connections: 12, sendBytes: 1460, readBytes: 1500, contexts: 16 },
}

const EG25_TRAITS: QuectelTraits = {
  mqtt: { ...BG96_TRAITS.mqtt, payloadBytes: 4096, topicsPerRequest: 5, pubWithLength: false, pubEx: true },
  tcpip: BG96_TRAITS.tcpip,
}

const QUECTEL_SERVICES = ['basic', 'network', 'sms', 'qfile', 'qssl', 'qtcpip', 'qmqtt']

/** A Quectel BG96 (BG96MAR02A07M1G firmware) as it answers out of the box. */
export const QUECTEL_BG96: SimProfile = {
  name: 'quectel-bg96',
  family: 'quectel',
  services: QUECTEL_SERVICES,
  identity: {
    manufacturer: 'Quectel',
    model: 'BG96',
    revision: 'BG96MAR02A07M1G',
    imei: '866425030000012',
    imsi: '001010123456789',
    iccid: '89860000000000000015',
    msisdn: '+10000000001',
  },
  bootLines: ['RDY', '+CFUN: 1', '+CPIN: READY', '+QUSIM: 1', '+QIND: SMS DONE', 'APP RDY'],
  prompt: '\r\n> ',
  smsPrompt: '\r\n> ',
  promptTimeoutMs: 10_000,
  limits: { ...QUECTEL_LIMITS, payloadBytes: { min: 0, max: BG96_TRAITS.mqtt.payloadBytes } },
  defaults: {
    echo: true,
    cmee: 1,
    rssi: 21,
    ber: 99,
    mqttVersion: 4,
    apn: 'internet',
    pdpAddress: '10.64.0.21',
    registrationMs: 300,
    operator: { long: 'Test Network', short: 'TESTNET', numeric: '00101' },
    smsCentre: '+10000000000',
  },
  behaviour: QUECTEL_BEHAVIOUR,
  sms: BG96_SMS,
  quectel: BG96_TRAITS,
}

/** A Quectel EG25-G (EG25GGBR07A08M2G firmware) as it answers out of the box. */
export const QUECTEL_EG25: SimProfile = {
  ...QUECTEL_BG96,
  name: 'quectel-eg25',
  identity: { ...QUECTEL_BG96.identity, model: 'EG25', revision: 'EG25GGBR07A08M2G', imei: '869710030000015' },
  bootLines: ['RDY', '+CPIN: READY', '+QUSIM: 1', '+CFUN: 1', '+QIND: SMS DONE', '+QIND: PB DONE'],
  limits: QUECTEL_LIMITS,
  sms: EG25_SMS,
  quectel: EG25_TRAITS,
}
