/** The parameters of SIMCom commands that carry credentials: atseq masks them wherever the line appears. */
import type { CredentialParamRule } from '../../modem-family.js'

export const SIMCOM_CREDENTIAL_PARAMS: readonly CredentialParamRule[] = [
  // AT+CMQTTCONNECT=<client>,"<server>",<keepalive>,<clean>[,"<user>"[,"<password>"]]
  { name: '+CMQTTCONNECT', params: [4, 5] },
  // AT+CSSLCFG="password",<ctx>,"<password>": the passphrase of a context's private key.
  { name: '+CSSLCFG', params: [2], when: { param: 0, equals: 'password' } },
  // AT+CFTPSLOGIN="<host>",<port>,"<user>","<password>"[,<type>]
  { name: '+CFTPSLOGIN', params: [2, 3] },
  // AT+CPIN="<pin>"[,"<new pin>"] and AT+CPWD="<fac>","<old>","<new>": SIM PIN and facility passwords.
  { name: '+CPIN', params: [0, 1] },
  { name: '+CPWD', params: [1, 2] },
]
