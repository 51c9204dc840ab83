/**
 * The ORM: {@link dev.quarry.orm.SessionFactory} and {@link dev.quarry.orm.Session} (SQLAlchemy's
 * {@code sessionmaker} and {@code Session}), queries over entities, bulk statements, events and
 * scoped sessions — all driven by generated {@link dev.quarry.spi.EntityMapping}s, never by
 * reflection.
 *
 * <h2>How a session is built</h2>
 * <ul>
 *   <li><b>Identity map</b> ({@code IdentityMap}, {@code EntityEntry}): one object per row, keyed by
 *       entity class and id; every tracked object (pending ones too) by object identity. An entry
 *       holds the state, the snapshot dirty checking diffs against, and what rollback restores.
 *   <li><b>Loading</b> ({@code EntityLoader}): rows become objects through the identity map; new
 *       objects are the generated subclass ({@code User_Proxy}) whose accessors call
 *       {@code AttachedInterceptor}, which reloads expired state. Relationship loaders (issue 5)
 *       plug in here and in the interceptor: property indexes after the columns are relationships.
 *   <li><b>Flush</b>: {@code FlushPlanner} finds the changes (client defaults, before-callbacks,
 *       validators), assigns client-side ids and orders statements by foreign keys (tables parents
 *       first; rows of self-referencing tables parent rows first; deletes in reverse);
 *       {@code UnitOfWork} sends each same-shape step as one JDBC batch, reads generated keys back,
 *       checks row counts (versions) and undoes its in-memory changes if anything fails.
 *       {@code SessionImpl#touched} is the one place that learns what a flush or bulk statement
 *       wrote ({@link dev.quarry.orm.FlushChanges}): listeners now, caches later.
 *   <li><b>Connections</b>: {@code SessionImpl#connectionFor(mapping)} is the single seam choosing
 *       the database for an entity (several databases, sharding later). A session takes an engine
 *       transaction on first use and gives the connection back at commit, rollback and close.
 *       Statements are reported to the engine ({@code engine.RawExecution}), so engine statistics,
 *       SQL logging ({@code dev.quarry.sql}) and listeners see them, and failures are the engine's
 *       typed exceptions.
 *   <li><b>Failure</b> (SQLAlchemy's contract): a failed flush rolls the transaction back at once
 *       and the session raises {@link dev.quarry.orm.PendingRollbackException} (carrying the cause)
 *       until {@code rollback()}, which expunges pending objects and objects inserted in the
 *       transaction (clearing generated ids), restores deleted and changed objects to their
 *       database values, and expires generated subclasses.
 * </ul>
 *
 * <p>Objects users create with {@code new} are plain: the session tracks them by snapshot, and —
 * since their accessors cannot be intercepted — expired plain objects are reloaded when the
 * session hands them out again ({@code get}, queries), not on field access.
 */
package dev.quarry.orm;
