/**
 * The shape of a simulated device: who it says it is, how it frames its output, its limits, defaults and
 * firmware differences. Profiles (`profile.ts`, `profiles/`) are values of this shape.
 */
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
  /** Messages each SMS storage holds (AT+CPMS totals): the SIM's and the module's own. */
  smsStorage: { SM: number; ME: number }
}

/** A message storage: `SM` the SIM card's, `ME` the module's own, `MT` (Quectel) the module's own under another name. */
export type SmsStorageName = 'SM' | 'ME' | 'MT'

/** Where a family's SMS service (TS 27.005) answers differently; absent, the SIMCom values apply. */
export interface SmsTraits {
  /** The storages AT+CPMS offers, in the order its test form lists them. */
  storages: readonly SmsStorageName[]
  /** AT+CPMS after power-up: where messages are read, written and received. */
  defaultStorages: readonly [SmsStorageName, SmsStorageName, SmsStorageName]
  /** AT+CSCS's test form: the character sets, in the module's order. */
  characterSets: readonly string[]
  /** Under AT+CSMS=1, how long a +CMT or +CDS waits for AT+CNMA before the module gives up routing them (ms). */
  ackTimeoutMs: number
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
  /** ATI and AT+CGMR: SIMCom's labelled lines (the default), or Quectel's bare manufacturer, model and revision. */
  identityStyle?: 'simcom' | 'quectel'
  /** AT+CBC's answer: SIMCom's supply voltage alone (`+CBC: 3.900V`, the default) or 27.007's `<bcs>,<bcl>` with the voltage in mV. */
  batteryAnswer?: 'voltage' | 'charge-and-mv'
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
  /** SMS storages and character sets where they differ from SIMCom's. */
  sms?: SmsTraits
  /** Quectel modules' own limits and differences (sim/profiles/quectel-traits.ts); absent on other families. */
  quectel?: QuectelTraits
}
