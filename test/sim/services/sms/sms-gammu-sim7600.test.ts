/**
 * Debian's gammu, a host tool atseq did not write, against the simulated simcom-sim7600 through a pty: identity,
 * network, monitor, sending, and reading and deleting messages the network delivered. Loopback only; under
 * CI=true a missing gammu or socat fails the test.
 */
import t from 'tap'
import { checkGammuAgainst } from './gammu-rig.js'

t.test('gammu against simcom-sim7600', t => checkGammuAgainst(t, 'simcom-sim7600'))
