/**
 * Links in atseq's pages are relative file links and `#` anchors only, each part percent-encoded, so a
 * file named `javascript:alert(1).yaml` or `//evil/x` is a harmless relative link or no link at all.
 */

/** A relative link to `path` (segments encoded) with an optional `#anchor`; undefined when the path is not relative. */
export function toSafeHref(path: string, anchor?: string): string | undefined {
  const segments = path.split(/[\\/]/)
  if (path === '' || segments[0] === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || segments.includes('..')) return undefined
  const href = segments.map(segment => encodeURIComponent(segment)).join('/')
  // `./` keeps a first segment holding a colon from ever reading as a scheme.
  const relative = href.includes(':') || href.includes('%3A') ? `./${href}` : href
  return anchor === undefined ? relative : `${relative}${toSafeAnchor(anchor)}`
}

/** `#` and the anchor, percent-encoded. */
export function toSafeAnchor(anchor: string): string {
  return `#${encodeURIComponent(anchor)}`
}
