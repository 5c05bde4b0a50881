/**
 * Persistence: the active datasource (embedded H2 or PostgreSQL) and repositories. Flyway migrations are in src/main/resources/db/migration.
 */
package io.anygate.store;
