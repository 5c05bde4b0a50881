/**
 * Outbound adapter to the TX core: package-private REST client interfaces, TX wire records, and the fault-tolerant gateway beans that translate TX answers into domain types and typed errors.
 */
package io.anygate.tx;
