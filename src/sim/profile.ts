/**
 * A simulated device as data: who it says it is, how it frames its output, its limits and its defaults.
 * Command handlers read these values instead of hard-coding them, so a second profile is a new object, not new code.
 */

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
  /** Messages each SMS storage holds (AT+CPMS totals): the SIM's and the module's own. */
  smsStorage: { SM: number; ME: number }
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
  /** The SMS centre the SIM names (AT+CSCA after power-up), international. */
  smsCentre: string
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
  /** AT+CNMI accepts ds 1 (status reports as +CDS); an A7670 answers ERROR to AT+CNMI=2,2,0,1,0. */
  smsStatusReportIndication: boolean
  /** AT+HTTPREAD blocks: `+HTTPREAD: <len>` ended by `+HTTPREAD: 0` (A76XX), or `+HTTPREAD: DATA,<len>` ended by `+HTTPREAD:0`. */
  httpReadLines: 'length' | 'data'
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
  /** Bytes that invite the text of a message (AT+CMGS, AT+CMGW), and follow each CR in it. */
  smsPrompt: string
  /** How long the modem waits for the prompt input before giving up with ERROR (ms). */
  promptTimeoutMs: number
  limits: SimLimits
  defaults: SimDefaults
  behaviour: SimBehaviour
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
  return line.startsWith('+CPIN:') || line === 'SMS DONE' || line === 'PB DONE' || line.startsWith('+CGEV:')
}
