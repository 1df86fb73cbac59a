/** `atseq schema`: the published sequence JSON Schema, for editors and other tools, printed or written to a file. */
import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeFileAtomically } from '../report/write-reports.js'

/** The schema file's text exactly as published in the package (`schemas/sequence.schema.json`). */
export async function readSequenceSchemaText(): Promise<string> {
  return readFile(new URL('../../schemas/sequence.schema.json', import.meta.url), 'utf8')
}

export type SchemaExport = { kind: 'printed'; text: string } | { kind: 'written'; path: string } | { kind: 'unwritable'; message: string }

/** Writes the schema to `path` (creating its folder), or returns its text for stdout when no path is given. */
export async function exportSequenceSchema(path: string | undefined): Promise<SchemaExport> {
  const text = await readSequenceSchemaText()
  if (path === undefined) return { kind: 'printed', text }
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFileAtomically(path, text)
  } catch (error) {
    const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error) : (error as Error)
    return { kind: 'unwritable', message: `cannot write ${path}: ${cause.message}` }
  }
  return { kind: 'written', path }
}
