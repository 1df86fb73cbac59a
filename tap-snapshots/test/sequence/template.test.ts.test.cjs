/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/sequence/template.test.ts > TAP > an undefined variable is explained, with how to define it > what each says and how to define it 1`] = `
variable 'missing' is not defined (define it under vars:, pass --var missing=..., or capture it with a (?<missing>...) group in an earlier step)
environment variable 'APN' is not set (set it before running, e.g. APN=... atseq run)
`

exports[`test/sequence/template.test.ts > TAP > each bad expression says what is wrong, where > one sentence per expression 1`] = `
template 'AT+X={{#if topic}}x{{/if}}': only {{name}} and {{helper value}} expressions are allowed (no blocks or partials)
template 'AT+X={{len k=v}}': key=value arguments are not supported
template 'AT+X={{"abc" topic}}': a literal cannot be called as a helper
template 'AT+X={{"abc"}}': a literal is not a variable: write its text without {{ }}
template 'AT+X={{1}}': a literal is not a variable: write its text without {{ }}
template 'AT+X={{length topic}}': unknown helper 'length' (known: len, hex, upper, lower, quote)
template 'AT+X={{len a b}}': helper 'len' takes exactly one value
template 'AT+X={{len}}': helper 'len' needs a value, e.g. {{len topic}}
template 'AT+X={{../x}}': '../x' is not a variable name
template 'AT+X={{@index}}': '@index' is not a variable name
template 'AT+X={{env}}': write environment variables as env.NAME
template 'AT+X={{env.A.B}}': write environment variables as env.NAME
template 'AT+X={{topic.length}}': 'topic.length': variables are plain text and have no fields
template 'AT+X={{': a {{ expression is not closed with }}
template 'AT+X={{client': a {{ expression is not closed with }}
template 'AT+X={{len topic': a {{ expression is not closed with }}
template 'AT+X={{len topic}': a {{ expression is not closed with }}
template 'AT+X={{client}},{{len topic': a {{ expression is not closed with }}
template 'AT+X={{}}': the {{ }} expression is not well formed
template 'AT+X={{#if x}}{{/each}}': the {{ }} expression is not well formed
template '{{client': a {{ expression is not closed with }}
`
