/** `expect: { raw: ... }`: bytes a step expects in its window as they come, apart from the lines it expects. */
import type { Template } from '../model/sequence.js'
import { isRecord } from './step-context.js'
import type { PathSegment } from './yaml-source.js'

/** Whether an `expect` item is `{ raw: <bytes> }` rather than a line. */
export function isRawBytes(value: unknown): value is { raw: string } {
  return isRecord(value) && typeof value['raw'] === 'string'
}

/** The `{ raw }` items of the expectation at `path`, as templates (none: no `raw` field). */
export function buildRawBytes(root: unknown, path: PathSegment[], buildTemplate: (at: PathSegment[]) => Template): { raw?: Template[] } {
  const value = path.reduce<unknown>(
    (node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<PathSegment, unknown>)[key] : undefined),
    root,
  )
  const items = Array.isArray(value) ? value.map((item, i) => ({ item, at: [...path, i] })) : [{ item: value, at: path }]
  const raw = items.filter(({ item }) => isRawBytes(item)).map(({ at }) => buildTemplate([...at, 'raw']))
  return raw.length === 0 ? {} : { raw }
}
