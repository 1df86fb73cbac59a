import type { SequenceInput } from '../model/sequence.js'
import { isRecord } from './step-context.js'
import { locatePath, type YamlSource } from './yaml-source.js'

/** The file's `inputs:` (each a name, or `{ name, description }`) with where each is written; nothing when it declares none. */
export function buildInputs(root: Record<string, unknown>, source: YamlSource): { inputs?: SequenceInput[] } {
  const written = root['inputs']
  if (!Array.isArray(written)) return {}
  const inputs = written.flatMap((item: unknown, i): SequenceInput[] => {
    const at = locatePath(source, ['inputs', i])
    if (typeof item === 'string') return [{ name: item, at }]
    if (!isRecord(item) || typeof item['name'] !== 'string') return []
    return [{ name: item['name'], ...(typeof item['description'] === 'string' ? { description: item['description'] } : {}), at }]
  })
  return { inputs }
}
