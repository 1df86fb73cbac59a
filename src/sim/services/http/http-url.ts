/** Reads an AT+HTTPPARA="URL" value the way the module does: `http://` or `https://` (or none, meaning http), a host, a port, a path. */

/** Where a request goes, as the URL names it (not yet mapped to a real address). */
export interface HttpTarget {
  secure: boolean
  host: string
  port: number
  /** The path with its query, at least `/`. */
  path: string
  /** The Host header: the host, with the port when it is not the scheme's. */
  hostHeader: string
}

/** The longest URL the module takes (A76XX: 4096 characters). */
export const MAX_URL_CHARS = 4096

/** The target of `url`, or undefined when it is not an http(s) URL with a host. */
export function readHttpTarget(url: string): HttpTarget | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`
  let parsed: URL
  try {
    parsed = new URL(withScheme)
  } catch {
    return undefined
  }
  const scheme = parsed.protocol.toLowerCase()
  if ((scheme !== 'http:' && scheme !== 'https:') || parsed.hostname === '') return undefined
  const secure = scheme === 'https:'
  const port = parsed.port === '' ? (secure ? 443 : 80) : Number(parsed.port)
  return {
    secure,
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port,
    path: `${parsed.pathname}${parsed.search}`,
    hostHeader: parsed.host,
  }
}
