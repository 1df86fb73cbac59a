/**
 * A simulated device as data: who it says it is, how it frames its output, its limits and its defaults.
 * Command handlers read these values instead of hard-coding them, so a second profile is a new object, not new code.
 */
import { QUECTEL_BG96, QUECTEL_EG25 } from './profiles/quectel.js'
import type { QuectelTraits } from './profiles/quectel-traits.js'

/** What the modem reports about itself (ATI, AT+CGMI/CGMM/CGMR/CGSN, AT+CIMI). */
export interface SimIdentity {
  manufacturer: string
  model: string
  revision: string
  imei: string
  imsi: string
  /** The SIM card's ICCID (AT+CICCID / AT+CCID) and its own number (AT+CNUM). */
  iccid: string
  msisdn: string
}

/** Sizes and ranges the modem enforces. */
export interface SimLimits {
  mqttClients: number
  sslContexts: number
  clientIdBytes: { min: number; max: number }
  topicBytes: { min: number; max: number }
  payloadBytes: { min: number; max: number }
  keepaliveS: { min: number; max: number }
  pubTimeoutS: { min: number; max: number }
  /** AT+CMQTTWILLMSG length. */
  willMessageBytes: { min: number; max: number }
  userPassBytes: { min: number; max: number }
  serverAddrChars: { min: number; max: number }
  certFileNameChars: { min: number; max: number }
  certFileBytes: number
  /** Topics AT+CMQTTSUBTOPIC / AT+CMQTTUNSUBTOPIC may queue before the bulk SUB/UNSUB. */
  queuedTopics: number
  /** Incoming topic and payload are reported in blocks of at most this many bytes. */
  rxChunkBytes: number
}

export interface SimDefaults {
  echo: boolean
  /** AT+CMEE after power-up: 0 plain ERROR, 1 numeric, 2 verbose. */
  cmee: 0 | 1 | 2
  rssi: number
  ber: number
  /** MQTT protocol level when AT+CMQTTACCQ and AT+CMQTTCFG="version" leave it open: 3 = MQTT 3.1, 4 = 3.1.1. */
  mqttVersion: 3 | 4
  /** The default PDP context (cid 1). */
  apn: string
  /** The address the network hands out when the PDP context is activated. */
  pdpAddress: string
  /** Time from radio on (AT+CFUN=1, AT+COPS=0) to registered, searching meanwhile (ms). */
  registrationMs: number
  /** The network's long and short names and its MCC+MNC (AT+COPS). */
  operator: { long: string; short: string; numeric: string }
}

/**
 * Where the firmware of one family answers differently from another's. Each default and its evidence is listed
 * in docs/simcom-reference-notes.md; handlers read these instead of asking which profile they run in.
 */
export interface SimBehaviour {
  /** Where `+CMQTTSTART: 0` / `+CMQTTSTOP: 0` go: a response line before `OK`, or a URC after it. */
  mqttServiceResult: 'before-ok' | 'after-ok'
  /** Before AT+CMQTTSTART, every other CMQTT write or read command answers a plain `ERROR`. */
  mqttNeedsStart: boolean
  /** AT+CMQTTSTART while the service runs: plain `ERROR`, or `+CMQTTSTART: 23` then `ERROR`. */
  mqttStartTwice: 'plain' | 'coded'
  /** AT+CMQTTCONNECT waits for the TCP connection; if that fails it answers `+CMQTTCONNECT: <idx>,<err>` + `ERROR`, no `OK`. */
  mqttConnectFailsInline: boolean
  /** The port of a server address written without one; undefined: such an address is invalid (12). */
  mqttDefaultPort: number | undefined
  /** AT+CMQTTACCQ takes a 4th parameter (MQTT version) and its test form shows `(3-4)`. */
  mqttAccqVersion: boolean
  /** `+CMQTTNONET` follows a successful AT+CMQTTSTOP. */
  mqttNonetAfterStop: boolean
  /** Under ATE1 the bytes typed at a `>` prompt are echoed too. */
  echoPromptInput: boolean
  /** A CRLF ends each +CMQTTRXTOPIC / +CMQTTRXPAYLOAD data block (before the next header's own CRLF). */
  rxDataCrlf: boolean
  /** ATI and AT+CGMR: SIMCom's labelled lines (the default), or Quectel's bare manufacturer, model and revision. */
  identityStyle?: 'simcom' | 'quectel'
}

export interface SimProfile {
  name: string
  /** The modem family it belongs to (`modem/families/`), whose chat profile hosts use with it. */
  family: string
  /** The services the module has, by name (`sim/services/`): their commands make up its command set. */
  services: readonly string[]
  identity: SimIdentity
  /** Lines the modem prints after power-up or reboot, each framed as a URC. */
  bootLines: string[]
  /** Bytes that invite prompt input; SIMCom prints `\r\n>` with nothing after it. */
  prompt: string
  /** How long the modem waits for the prompt input before giving up with ERROR (ms). */
  promptTimeoutMs: number
  limits: SimLimits
  defaults: SimDefaults
  behaviour: SimBehaviour
  /** Quectel modules' own limits and differences (sim/profiles/quectel-traits.ts); absent on other families. */
  quectel?: QuectelTraits
}

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
}

/** A SIMCom A7670E (A76XX family) as it answers out of the box. */
export const SIMCOM_A76XX: SimProfile = {
  name: 'simcom-a76xx',
  family: 'simcom',
  services: ['basic', 'network', 'ssl', 'mqtt', 'tcpip', 'cch'],
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
