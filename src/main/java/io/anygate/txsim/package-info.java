/**
 * The TX core simulator: a faithful in-process stand-in for TX, for the sandbox and the tests, and a standalone process for benchmarks. Switched off in production; nothing outside this package imports it.
 */
package io.anygate.txsim;
