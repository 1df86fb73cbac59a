/**
 * Meanings of the result codes a SIMCom modem reports, so a failure reads
 * "got `+CMQTTCONNECT: 0,32` ...: 32 = TLS handshake failed" instead of a bare number.
 */

/** `<err>` of `+CMQTTxxx: <idx>,<err>` lines (SIMCom MQTT(S) manual, result code table). */
const MQTT_RESULT_CODES: readonly string[] = [
  'operation succeeded', 'failed', 'bad UTF-8 string', 'socket connect failed', 'socket create failed',
  'socket close failed', 'message receive failed', 'network open failed', 'network close failed',
  'network not opened', 'client index error', 'no connection', 'invalid parameter', 'operation not supported',
  'client is busy', 'require connection failed', 'socket sending failed', 'timeout', 'topic is empty',
  'client is used', 'client not acquired', 'client not released', 'length out of range', 'network is opened',
  'packet failed', 'DNS error', 'socket is closed by server', 'connection refused: unaccepted protocol version',
  'connection refused: identifier rejected', 'connection refused: server unavailable',
  'connection refused: bad user name or password', 'connection refused: not authorized', 'handshake failed',
  'not set certificate', 'open session failed', 'disconnect from server failed',
]

/** 3GPP TS 27.007 `+CME ERROR` codes that modem tests meet most. */
const CME_ERROR_CODES: Record<number, string> = {
  0: 'phone failure', 3: 'operation not allowed', 4: 'operation not supported', 10: 'SIM not inserted',
  11: 'SIM PIN required', 12: 'SIM PUK required', 13: 'SIM failure', 14: 'SIM busy', 15: 'SIM wrong',
  16: 'incorrect password', 20: 'memory full', 21: 'invalid index', 22: 'not found', 23: 'memory failure',
  24: 'text string too long', 25: 'invalid characters in text string', 30: 'no network service',
  31: 'network timeout', 32: 'network not allowed, emergency calls only', 50: 'incorrect parameters',
  100: 'unknown', 107: 'GPRS services not allowed', 111: 'PLMN not allowed', 134: 'service option not supported',
}

const MQTT_LINE = /^\+CMQTT[A-Z]+: (?:\d+,)?(\d+)$/
const CME_LINE = /^\+CME ERROR: (\d+)$/

/** The meaning of the code in a result line (`+CMQTTCONNECT: 0,32`, `+CME ERROR: 10`), if it is known. */
export function explainResultLine(line: string): string | undefined {
  const mqtt = MQTT_LINE.exec(line.trim())
  if (mqtt) return describe(Number(mqtt[1]), MQTT_RESULT_CODES[Number(mqtt[1])])
  const cme = CME_LINE.exec(line.trim())
  if (cme) return describe(Number(cme[1]), CME_ERROR_CODES[Number(cme[1])])
  return undefined
}

function describe(code: number, meaning: string | undefined): string | undefined {
  return meaning === undefined ? undefined : `${code} = ${meaning}`
}
