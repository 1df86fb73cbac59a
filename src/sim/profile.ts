/**
 * A simulated device as data: who it says it is, how it frames its output, its limits and its defaults.
 * Command handlers read these values instead of hard-coding them, so a second profile is a new object, not new code.
 */
import { QUECTEL_BG96, QUECTEL_EG25 } from './profiles/quectel.js'
import type { SimDefaults, SimLimits, SimProfile } from './sim-profile.js'

export type { SimBehaviour, SimDefaults, SimIdentity, SimLimits, SimProfile } from './sim-profile.js'

const A76XX_LIMITS: SimLimits = {
  mqttClients: 2,
  sslContexts: 10,
  clientIdBytes: { min: 1, max: 128 },
  topicBytes: { min: 1, max: 1024 },
  payloadBytes: { min: 1, max: 10240 },
  keepaliveS: { min: 1, max: 64800 },
  pubTimeoutS: { min: 1, max: 180 },
  willMessageBytes: { min: 1, max: 1024 },
  userPassBytes: { min: 1, max: 256 },
  serverAddrChars: { min: 9, max: 256 },
  certFileNameChars: { min: 5, max: 108 },
  certFileBytes: 10240,
  queuedTopics: 10,
  rxChunkBytes: 1500,
  smsStorage: { SM: 30, ME: 50 },
}

const SIMCOM_DEFAULTS: SimDefaults = {
  echo: true,
  cmee: 2,
  rssi: 23,
  ber: 0,
  mqttVersion: 3,
  apn: 'internet',
  pdpAddress: '10.64.0.17',
  registrationMs: 300,
  operator: { long: 'Test Network', short: 'TESTNET', numeric: '00101' },
  smsCentre: '+10000000000',
}

/** A SIMCom A7670E (A76XX family) as it answers out of the box. */
export const SIMCOM_A76XX: SimProfile = {
  name: 'simcom-a76xx',
  family: 'simcom',
  services: ['basic', 'network', 'ssl', 'mqtt', 'tcpip', 'cch', 'fs', 'ftp', 'sms', 'http'],
  identity: {
    manufacturer: 'SIMCOM INCORPORATED',
    model: 'A7670E-LASE',
    revision: 'A011B07A7670M7_F',
    imei: '864000000000005',
    imsi: '001010123456789',
    iccid: '89860000000000000015',
    msisdn: '+10000000001',
  },
  bootLines: ['*ATREADY: 1', '+CPIN: READY', 'SMS DONE', '+CGEV: EPS PDN ACT 1', 'PB DONE'],
  prompt: '\r\n>',
  // TS 27.005 §3.5.1's four characters: CR, LF, '>', space.
  smsPrompt: '\r\n> ',
  promptTimeoutMs: 10_000,
  limits: A76XX_LIMITS,
  defaults: SIMCOM_DEFAULTS,
  behaviour: {
    mqttServiceResult: 'after-ok',
    mqttNeedsStart: true,
    mqttStartTwice: 'plain',
    mqttConnectFailsInline: true,
    mqttDefaultPort: 1883,
    mqttAccqVersion: false,
    mqttNonetAfterStop: true,
    echoPromptInput: false,
    rxDataCrlf: false,
    smsStatusReportIndication: false,
    httpReadLines: 'length',
  },
}

/** A SIMCom SIM7600E-H: the same CMQTT command group as answered by the older firmware. */
export const SIMCOM_SIM7600: SimProfile = {
  ...SIMCOM_A76XX,
  name: 'simcom-sim7600',
  bootLines: ['RDY', '+CPIN: READY', 'SMS DONE', 'PB DONE'],
  limits: {
    ...A76XX_LIMITS,
    pubTimeoutS: { min: 60, max: 180 },
    willMessageBytes: { min: 1, max: 10240 },
  },
  behaviour: {
    mqttServiceResult: 'before-ok',
    mqttNeedsStart: false,
    mqttStartTwice: 'coded',
    mqttConnectFailsInline: false,
    mqttDefaultPort: undefined,
    mqttAccqVersion: true,
    mqttNonetAfterStop: true,
    echoPromptInput: true,
    rxDataCrlf: true,
    smsStatusReportIndication: true,
    httpReadLines: 'data',
  },
  identity: {
    manufacturer: 'SIMCOM INCORPORATED',
    model: 'SIMCOM_SIM7600E-H',
    revision: 'SIM7600M22_V1.1',
    imei: '867584034313614',
    imsi: '001010123456789',
    iccid: '89860000000000000015',
    msisdn: '+10000000001',
  },
}

/** Every profile by name, for `sim://<name>` and `atseq sim --profile`. */
export const SIM_PROFILES: ReadonlyMap<string, SimProfile> = new Map([
  [SIMCOM_A76XX.name, SIMCOM_A76XX],
  [SIMCOM_SIM7600.name, SIMCOM_SIM7600],
  [QUECTEL_BG96.name, QUECTEL_BG96],
  [QUECTEL_EG25.name, QUECTEL_EG25],
])

/** A profile or its name (default `simcom-a76xx`) as the profile itself; an unknown name is an error. */
export function selectProfile(profile: SimProfile | string | undefined): SimProfile {
  if (profile === undefined) return SIMCOM_A76XX
  if (typeof profile !== 'string') return profile
  const found = SIM_PROFILES.get(profile)
  if (found === undefined) throw new Error(`unknown simulator profile "${profile}" (known: ${[...SIM_PROFILES.keys()].join(', ')})`)
  return found
}

/** Boot lines a module without a SIM card does not print. */
export function isSimBootLine(line: string): boolean {
  return line.startsWith('+CPIN:') || /^(\+QIND: )?(SMS|PB) DONE$/.test(line) || line.startsWith('+CGEV:') || line.startsWith('+QUSIM:')
}
