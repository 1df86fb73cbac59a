/** `atseq merge`: the suite records of shards combined into one suite report; the exit code is the merged verdict. */
import { readFile } from 'node:fs/promises'
import { EXIT } from '../model/exit-code.js'
import { SUITE_RECORD_SCHEMA_VERSION, type SuiteRecord } from '../model/suite-record.js'
import { mergeSuiteRecords } from '../plan/merge-suite-records.js'
import { writeRunReports, writeSuiteReports } from '../report/suite/write-suite-reports.js'

/** Merges the suite records of shards into one suite report under `reportDir`; returns the exit code. */
export async function mergeSuiteFiles(
  files: string[],
  reportDir: string,
  write: (text: string) => void,
  writeError: (text: string) => void,
): Promise<number> {
  const records: SuiteRecord[] = []
  for (const file of files) {
    const read = await readSuiteRecord(file)
    if (typeof read === 'string') {
      writeError(`${file}: ${read}\n`)
      return EXIT.invalidInput
    }
    records.push(read)
  }
  const merged = mergeSuiteRecords(records)
  if (!merged.ok) {
    writeError(`atseq merge: ${merged.message} [${merged.code}]\n`)
    return EXIT.invalidInput
  }
  await writeRunReports(merged.record, reportDir)
  const written = await writeSuiteReports(merged.record, { dir: reportDir, formats: ['html', 'junit', 'json'] })
  write(`merged ${records.length} result${records.length === 1 ? '' : 's'}: suite ${merged.record.status}; index ${written[0]}\n`)
  return merged.record.exitCode
}

/** A suite record, or why the file is not one. */
async function readSuiteRecord(file: string): Promise<SuiteRecord | string> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    return `cannot read a suite result: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
  }
  const record = data as Partial<SuiteRecord> | null
  if (record?.kind !== 'atseq-suite' || record.schemaVersion !== SUITE_RECORD_SCHEMA_VERSION || !Array.isArray(record.runs)) {
    return `not an atseq suite result (suite.json, schema version ${SUITE_RECORD_SCHEMA_VERSION})`
  }
  return record as SuiteRecord
}
