/**
 * `+CMS ERROR: <err>` (3GPP TS 27.005 §3.2.5): the message service failures a host meets, with the text a
 * module prints under `AT+CMEE=2`.
 */
export const CMS_ERROR = {
  meFailure: 300,
  operationNotAllowed: 302,
  operationNotSupported: 303,
  invalidPduMode: 304,
  invalidTextMode: 305,
  simNotInserted: 310,
  simPinRequired: 311,
  simFailure: 313,
  memoryFailure: 320,
  invalidMemoryIndex: 321,
  memoryFull: 322,
  smscAddressUnknown: 330,
  noNetworkService: 331,
  networkTimeout: 332,
  noAckExpected: 340,
  unknownError: 500,
} as const

export const CMS_ERROR_TEXTS: Readonly<Record<number, string>> = {
  300: 'ME failure',
  301: 'SMS service of ME reserved',
  302: 'operation not allowed',
  303: 'operation not supported',
  304: 'invalid PDU mode parameter',
  305: 'invalid text mode parameter',
  310: 'SIM not inserted',
  311: 'SIM PIN required',
  312: 'PH-SIM PIN required',
  313: 'SIM failure',
  314: 'SIM busy',
  315: 'SIM wrong',
  316: 'SIM PUK required',
  320: 'memory failure',
  321: 'invalid memory index',
  322: 'memory full',
  330: 'SMSC address unknown',
  331: 'no network service',
  332: 'network timeout',
  340: 'no +CNMA acknowledgement expected',
  500: 'unknown error',
}
