/**
 * Debian's gammu, a host tool atseq did not write, against the simulated simcom-a76xx through a pty: identity,
 * network, monitor, sending, and reading and deleting messages the network delivered. Loopback only; under
 * CI=true a missing gammu or socat fails the test.
 */
import t from 'tap'
import { checkGammuAgainst } from './gammu-rig.js'

t.test('gammu against simcom-a76xx', t => checkGammuAgainst(t, 'simcom-a76xx'))
