/**
 * A Quarry {@link dev.quarry.engine.Engine} over an Apache ShardingSphere-JDBC data source: Core
 * statements and ORM sessions on tables ShardingSphere shards across databases. See
 * {@code docs/shardingsphere.md} for what ShardingSphere routes, rewrites and refuses.
 */
package dev.quarry.shardingsphere;
