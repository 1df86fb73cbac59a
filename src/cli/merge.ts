/** `atseq merge`: combines the suite.json results of shards into one suite report; exit code is the merged verdict. */
import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { mergeSuiteRecords } from '../plan/merge-suite-records.js'
import { SUITE_RECORD_SCHEMA_VERSION, type SuiteRecord } from '../model/suite-record.js'
import { writeRunReports, writeSuiteReports } from '../report/suite/write-suite-reports.js'
import { EXIT } from '../model/exit-code.js'

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the suite.json results of shards (atseq run --shard i/n) into one suite report')
    .argument('<files...>', 'suite.json files written by sharded runs')
    .option('--report-dir <dir>', 'where the merged index.html, suite.junit.xml, suite.json and run reports go', 'reports/merged')
    .addHelpText(
      'after',
      `
Exit codes: the merged verdict (0 all passed, 1 a step failed, 3 infrastructure, 130 interrupted),
2 when a file cannot be read or the files are not shards of the same suite.
Example (CI): atseq merge shard-*/suite.json --report-dir reports`,
    )
    .action(async (files: string[], options: { reportDir: string }) => {
      process.exitCode = await mergeCommand(files, options.reportDir)
    })
}

async function mergeCommand(files: string[], reportDir: string): Promise<number> {
  const records: SuiteRecord[] = []
  for (const file of files) {
    const read = await readSuiteRecord(file)
    if (typeof read === 'string') {
      process.stderr.write(`${file}: ${read}\n`)
      return EXIT.invalidInput
    }
    records.push(read)
  }
  const merged = mergeSuiteRecords(records)
  if (!merged.ok) {
    process.stderr.write(`atseq merge: ${merged.message} [${merged.code}]\n`)
    return EXIT.invalidInput
  }
  await writeRunReports(merged.record, reportDir)
  const written = await writeSuiteReports(merged.record, { dir: reportDir, formats: ['html', 'junit', 'json'] })
  process.stdout.write(
    `merged ${records.length} result${records.length === 1 ? '' : 's'}: suite ${merged.record.status}; index ${written[0]}\n`,
  )
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
