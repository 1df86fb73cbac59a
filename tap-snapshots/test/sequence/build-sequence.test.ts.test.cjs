/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/sequence/build-sequence.test.ts > TAP > a command may end with one line break only where YAML adds it, and never holds one inside > what each diagnostic says 1`] = `
3:11 step #1: the command ends with a line break (a YAML | or > block keeps it) (write the command on the same line as send:)
`

exports[`test/sequence/build-sequence.test.ts > TAP > a command may end with one line break only where YAML adds it, and never holds one inside > what each diagnostic says 2`] = `
3:13 step #1: an AT command is one line; this one has several (write one command per step)
`

exports[`test/sequence/build-sequence.test.ts > TAP > what the schema cannot check is reported with its code and place, and says what is wrong > what each diagnostic says 1`] = `
2:10 40000m is longer than the longest duration, 1440m (write at most 1440m)
3:11 secret 'nope' is not a variable under vars: (add it under vars: or remove it from secrets:)
4:12 { not: ... } has no meaning under abort:, which acts on lines that arrive (move it under the step's expect:, where a line that must not arrive is checked over the step's window)
6:42 step #1: { not: ... } has no meaning under urc:, which lists lines that must arrive (move it under the step's expect:, where a line that must not arrive is checked over the step's window)
6:66 step #1: 40000m is longer than the longest duration, 1440m (write at most 1440m)
7:17 step #2: { not: ... } has no meaning under wait:, which lists lines that must arrive (move it under the step's expect:, where a line that must not arrive is checked over the step's window)
8:13 step #3: an AT command is one line; this one has several (write one command per step)
9:13 step #4: the command ends with a line break (a YAML | or > block keeps it) (write the command on the same line as send:)
10:13 step #5: hex data must be pairs of hex digits, e.g. 1A 0D 0A
13:29 step #8: 'within' only applies to a step with urc: or wait: (add the URC to wait for, or remove within:)
14:29 step #9: the regular expression /(a/ is not valid: Unterminated group
15:29 step #10: the regular expression /(?=a)b/ is not supported by the linear-time engine (error parsing regexp: invalid or unsupported Perl syntax: \`(?=\`); lookaround (?= (?! (?<= (?<! and backreferences \\1 are not (match the line without lookaround or backreferences, e.g. with a capture group and a later step)
16:62 step 9: 40000m is longer than the longest duration, 1440m (write at most 1440m)
`
