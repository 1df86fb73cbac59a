/** The bring-up sequence (sequences/simcom/basic/bring-up.yaml) passes on both SIMCom profiles. */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { runYamlOnSim } from '../helpers/run-on-sim.js'

const SEQUENCE = readFileSync(new URL('../../sequences/simcom/basic/bring-up.yaml', import.meta.url), 'utf8')

for (const profile of ['simcom-a76xx', 'simcom-sim7600']) {
  t.test(`bring-up on ${profile}`, async t => {
    const run = await runYamlOnSim(t, SEQUENCE, { device: `sim://${profile}` })
    const failed = run.record.steps.filter(step => step.status !== 'passed').map(step => `${step.no}: ${step.status}`)
    t.same(failed, [], 'every step passes')
  })
}
