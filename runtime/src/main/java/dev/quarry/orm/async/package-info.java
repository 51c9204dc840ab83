/**
 * Async sessions and Core over {@link java.util.concurrent.CompletionStage}s (SQLAlchemy's asyncio
 * extension): {@link dev.quarry.orm.async.AsyncEngine}, {@link dev.quarry.orm.async.AsyncSessionFactory}
 * and {@link dev.quarry.orm.async.AsyncSession}. Operations run blocking JDBC on worker threads of an
 * executor (a bounded pool by default, virtual threads on JDK 21+ if you supply them); this is not a
 * non-blocking driver. See {@code docs/async.md}.
 */
package dev.quarry.orm.async;
