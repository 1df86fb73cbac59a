/**
 * The FTPS spec tables shipped with the suite import with `atseq import` and, once their PDP row names a command,
 * pass on the simulator with nothing else edited, on both SIMCom profiles.
 */
import { readdirSync, readFileSync } from 'node:fs'
import t from 'tap'
import { importSpecTable } from '../../../../src/sequence/index.js'
import { runYamlOnSim } from '../../../helpers/run-on-sim.js'

const TABLES = new URL('../../../../sequences/simcom/ftp/tables/', import.meta.url)
const PDP_ROW = '1 | PDP Context 설정 | ||'

const tables = readdirSync(TABLES).filter(name => name.endsWith('.txt'))

t.test('the tables are the four transfers', async t => {
  t.same(tables.sort(), [
    'ftps-download-to-file-system.txt',
    'ftps-download-to-serial.txt',
    'ftps-upload-from-file-system.txt',
    'ftps-upload-from-prompt.txt',
  ])
})

for (const name of tables) {
  for (const device of ['sim://simcom-a76xx', 'sim://simcom-sim7600']) {
    t.test(`${name} imports and passes on ${device}`, async t => {
      const text = readFileSync(new URL(name, TABLES), 'utf8')
      t.ok(text.includes(PDP_ROW), 'the table has the PDP row to fill in')
      const imported = importSpecTable(text.replace(PDP_ROW, '1 | AT+CGACT=1,1 | OK | PDP context |'), name)
      t.same(
        imported.diagnostics.map(d => d.code),
        [],
        'nothing to warn about',
      )
      const { record } = await runYamlOnSim(t, imported.yaml, { device })
      t.equal(record.status, 'passed', JSON.stringify(record.steps.filter(s => s.status !== 'passed').map(s => [s.no, s.failure])))
    })
  }
}
