/**
 * Operations: health checks, metrics, start-up guards and graceful shutdown.
 */
package io.anygate.ops;
