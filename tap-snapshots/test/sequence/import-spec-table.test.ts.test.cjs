/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/sequence/import-spec-table.test.ts > TAP > an unknown device profile is an error at the top of the spec, with a suggestion or the list > unknown-device-profile messages 1`] = `
Array [
  Array [
    "there is no device profile \\"simcom-a67xx\\"",
    "did you mean simcom-a76xx?",
  ],
  Array [
    "there is no device profile \\"zzzzzzzzzzzzzzzzzz\\"",
    "use one of generic, quectel, quectel-bg95, quectel-bg96, quectel-eg25, simcom, simcom-a76xx, simcom-sim7600",
  ],
]
`

exports[`test/sequence/import-spec-table.test.ts > TAP > text with no table rows: the error says what a row looks like > no-table-rows message 1`] = `
no table rows found (expected lines like \`4.1 | AT+... | OK | description |\`)
`
