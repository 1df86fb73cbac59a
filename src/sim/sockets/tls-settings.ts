/**
 * Turns an AT+CSSLCFG context and the certificate files into what the TLS client needs, the way the modem reads them:
 * authmode 0 checks nothing, 1 checks the server against `cacert` (and its name), 2 also presents a client certificate,
 * 3 presents one without checking the server. A missing file is the modem's "certificate not set" (33).
 */
import type { SslContext } from '../services/ssl/ssl-state.js'
import { MQTT_ERR } from '../../modem/families/simcom/mqtt-codes.js'

type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2'

export interface TlsSettings {
  ca?: Buffer
  cert?: Buffer
  key?: Buffer
  /** Check the chain against `ca` and the certificate's names against `serverName`. */
  verifyServer: boolean
  /** The host name from the AT+CMQTTCONNECT address (not the mapped address). */
  serverName: string
  sendSni: boolean
  /** Accept a certificate outside its validity dates (ignorelocaltime=1). */
  ignoreDates: boolean
  minVersion: TlsVersion
  maxVersion: TlsVersion
  handshakeTimeoutMs: number
}

export type TlsSettingsResult = { ok: true; settings: TlsSettings } | { ok: false; code: number; note: string }

const VERSIONS: ReadonlyMap<number, [TlsVersion, TlsVersion]> = new Map([
  [1, ['TLSv1', 'TLSv1']],
  [2, ['TLSv1.1', 'TLSv1.1']],
  [3, ['TLSv1.2', 'TLSv1.2']],
  [4, ['TLSv1', 'TLSv1.2']],
])

/** Builds the TLS settings of one connect, or the modem's error code when they cannot be built. */
export function buildTlsSettings(context: SslContext, files: ReadonlyMap<string, Buffer>, serverName: string): TlsSettingsResult {
  const versions = VERSIONS.get(context.sslVersion)
  if (versions === undefined) {
    return { ok: false, code: MQTT_ERR.handshakeFailed, note: 'sslversion 0 (SSL 3.0) is refused by every current server' }
  }
  const needsCa = context.authMode === 1 || context.authMode === 2
  const needsClient = context.authMode === 2 || context.authMode === 3
  const ca = needsCa ? readFile(files, context.caCert) : undefined
  const cert = needsClient ? readFile(files, context.clientCert) : undefined
  const key = needsClient ? readFile(files, context.clientKey) : undefined
  if ((needsCa && ca === undefined) || (needsClient && (cert === undefined || key === undefined))) {
    return {
      ok: false,
      code: MQTT_ERR.certNotSet,
      note: `authmode ${context.authMode} needs certificate files that are not set or not downloaded`,
    }
  }
  return {
    ok: true,
    settings: {
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      verifyServer: needsCa,
      serverName,
      sendSni: context.enableSni === 1,
      ignoreDates: context.ignoreLocalTime === 1,
      minVersion: versions[0],
      maxVersion: versions[1],
      handshakeTimeoutMs: context.negotiateTimeS * 1000,
    },
  }
}

function readFile(files: ReadonlyMap<string, Buffer>, name: string | undefined): Buffer | undefined {
  return name === undefined ? undefined : files.get(name)
}
