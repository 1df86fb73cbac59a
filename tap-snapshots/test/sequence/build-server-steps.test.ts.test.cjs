/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/sequence/build-server-steps.test.ts > TAP > hex bytes a server sends or receives are pairs of hex digits, spaces allowed around them > the message names the step and shows a good value 1`] = `
step 3: hex bytes must be pairs of hex digits, e.g. 0d 0a (write each byte as two hex digits; spaces between bytes are allowed)
`
