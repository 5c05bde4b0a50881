/**
 * Inbound adapter: the Anytime-compatible HTTP surface (resources, form parameters, the signed envelope, Anytime error codes, exception mappers). Speaks Anytime's vocabulary only; calls the domain use cases.
 */
package io.anygate.anytime;
