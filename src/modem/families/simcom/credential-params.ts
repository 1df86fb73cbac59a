/** The parameters of SIMCom commands that carry credentials: atseq masks them wherever the line appears. */
import type { CredentialParamRule } from '../../modem-family.js'

export const SIMCOM_CREDENTIAL_PARAMS: readonly CredentialParamRule[] = [
  // AT+CMQTTCONNECT=<client>,"<server>",<keepalive>,<clean>[,"<user>"[,"<password>"]]
  { name: '+CMQTTCONNECT', params: [4, 5], varNames: ['mqtt_user', 'mqtt_password'] },
  // AT+CSSLCFG="password",<ctx>,"<password>": the passphrase of a context's private key.
  { name: '+CSSLCFG', params: [2], varNames: ['ssl_key_password'], when: { param: 0, equals: 'password' } },
  // AT+CFTPSLOGIN="<host>",<port>,"<user>","<password>"[,<type>]
  { name: '+CFTPSLOGIN', params: [2, 3], varNames: ['ftp_user', 'ftp_password'] },
  // AT+CPIN="<pin>"[,"<new pin>"] and AT+CPWD="<fac>","<old>","<new>": SIM PIN and facility passwords.
  { name: '+CPIN', params: [0, 1], varNames: ['sim_pin', 'sim_new_pin'] },
  { name: '+CPWD', params: [1, 2], varNames: ['facility_password', 'facility_new_password'] },
]
