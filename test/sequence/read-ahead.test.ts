import t from 'tap'
import { readAhead } from '../../src/sequence/read-ahead.js'

/** A load whose promises the test settles by hand, recording how many are in flight. */
function manualLoads(): { load: (n: number) => Promise<string>; started: number[]; settle: (n: number) => void; inFlight: () => number } {
  const resolvers = new Map<number, (value: string) => void>()
  const started: number[] = []
  return {
    started,
    load: n => new Promise(resolve => { started.push(n); resolvers.set(n, resolve) }),
    settle: n => { resolvers.get(n)?.(`item ${n}`); resolvers.delete(n) },
    inFlight: () => resolvers.size,
  }
}

t.test('results come back in input order even when loads finish out of order', async t => {
  const delays = [30, 0, 10, 0, 20]
  const results: string[] = []
  const load = (n: number): Promise<string> => new Promise(resolve => setTimeout(() => resolve(`item ${n}`), delays[n]))
  for await (const r of readAhead([0, 1, 2, 3, 4], 3, load)) results.push(r)
  t.same(results, ['item 0', 'item 1', 'item 2', 'item 3', 'item 4'])
})

t.test('never more than the window is in flight, and the next load starts when one is taken', async t => {
  const loads = manualLoads()
  const generator = readAhead([0, 1, 2, 3, 4], 2, loads.load)
  const first = generator.next()
  t.same(loads.started, [0, 1, 2], 'taking the first result starts the third load')
  loads.settle(0)
  t.same(await first, { value: 'item 0', done: false })
  t.equal(loads.inFlight(), 2)
  const second = generator.next()
  t.same(loads.started, [0, 1, 2, 3])
  t.equal(loads.inFlight(), 3, 'the taken one is still being awaited, two more are read ahead')
  for (const n of [1, 2, 3]) loads.settle(n)
  t.same(await second, { value: 'item 1', done: false })
  t.same(loads.started, [0, 1, 2, 3], 'nothing starts until a result is taken')
  t.same(await generator.next(), { value: 'item 2', done: false })
  t.same(loads.started, [0, 1, 2, 3, 4])
  loads.settle(4)
  t.same(await generator.next(), { value: 'item 3', done: false })
  t.same(await generator.next(), { value: 'item 4', done: false })
  t.same(await generator.next(), { value: undefined, done: true })
})

t.test('an empty list yields nothing and a failed load throws when its turn comes', async t => {
  for await (const r of readAhead([], 4, async () => 'x')) t.fail(`unexpected ${r}`)
  const seen: number[] = []
  const failing = readAhead([0, 1, 2], 3, async (n: number) => {
    if (n === 1) throw new Error('disk on fire')
    return n
  })
  await t.rejects(async () => { for await (const n of failing) seen.push(n) }, /disk on fire/)
  t.same(seen, [0])
})
