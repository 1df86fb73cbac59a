/** The SSL service's part of the modem state: the AT+CSSLCFG contexts. */
import type { SimProfile } from '../../profile.js'

/** One SSL context of AT+CSSLCFG (0..9). */
export interface SslContext {
  sslVersion: number
  authMode: number
  ignoreLocalTime: number
  negotiateTimeS: number
  caCert?: string
  clientCert?: string
  clientKey?: string
  /** The file holding the client key's password (A76XX manual 19.2.1). */
  password?: string
  enableSni: number
  ignoreCertCn: number
}

export interface SslState {
  ssl: SslContext[]
}

/** The SSL contexts right after power-up. */
export function createSslState(profile: SimProfile): SslState {
  return { ssl: Array.from({ length: profile.limits.sslContexts }, createSslContext) }
}

function createSslContext(): SslContext {
  return { sslVersion: 4, authMode: 0, ignoreLocalTime: 1, negotiateTimeS: 300, enableSni: 0, ignoreCertCn: 0 }
}
