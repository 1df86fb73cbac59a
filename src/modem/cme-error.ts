/**
 * `+CME ERROR: <err>` (3GPP TS 27.007 §9.2): the codes modem tests meet most, with the verbose text a modem
 * prints under `AT+CMEE=2`.
 */
export const CME_ERROR_TEXTS: Readonly<Record<number, string>> = {
  0: 'phone failure',
  3: 'operation not allowed',
  4: 'operation not supported',
  10: 'SIM not inserted',
  11: 'SIM PIN required',
  12: 'SIM PUK required',
  13: 'SIM failure',
  14: 'SIM busy',
  15: 'SIM wrong',
  16: 'incorrect password',
  20: 'memory full',
  21: 'invalid index',
  22: 'not found',
  23: 'memory failure',
  24: 'text string too long',
  25: 'invalid characters in text string',
  30: 'no network service',
  31: 'network timeout',
  32: 'network not allowed, emergency calls only',
  50: 'Incorrect parameters',
  100: 'unknown',
  107: 'GPRS services not allowed',
  111: 'PLMN not allowed',
  134: 'service option not supported',
}
