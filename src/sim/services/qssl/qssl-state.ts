/**
 * The Quectel SSL contexts' own part of the modem state. The settings TLS needs (version, seclevel as authmode,
 * files, SNI, local time) live in the shared SSL contexts (`ssl` slice); this keeps what only AT+QSSLCFG shows.
 */
import type { SimProfile } from '../../profile.js'

/** What AT+QSSLCFG prints back for one context that the shared SSL context does not hold. */
export interface QsslExtras {
  /** `"ciphersuite"`, as written (`0xFFFF`: any). */
  cipherSuite: string
  /** The file names as written (`UFS:ca.pem`), by key. */
  fileNames: Partial<Record<'cacert' | 'clientcert' | 'clientkey', string>>
}

export interface QsslState {
  qssl: QsslExtras[]
}

/** The contexts right after power-up. */
export function createQsslState(profile: SimProfile): QsslState {
  return { qssl: Array.from({ length: profile.limits.sslContexts }, () => ({ cipherSuite: '0xFFFF', fileNames: {} })) }
}
