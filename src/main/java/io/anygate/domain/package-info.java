/**
 * The gateway's own model: accounts, cards, money operations and their journal, partners' ownership, and the use cases. Plain Java: no HTTP, JAX-RS, JDBC or TX wire types.
 */
package io.anygate.domain;
