// Loaded by mocha (`.mocharc.json` `require`) before any spec.
//
// Mocha's CLI sets `Error.stackTraceLimit = Infinity` once, before it loads this file, and does
// not touch it again, so this line holds for every test. The Pulumi SDK captures a stack trace
// for every promise it creates; ten frames (Node's own default) keep those captures short and
// are plenty for a failing assertion's trace.
Error.stackTraceLimit = 10;
