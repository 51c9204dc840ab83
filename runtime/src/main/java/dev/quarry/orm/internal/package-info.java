/**
 * The ORM's implementation, behind the API of {@code dev.quarry.orm}; not exported by the
 * {@code dev.quarry.runtime} module and not for users to call.
 *
 * <h2>How a session is built</h2>
 * <ul>
 *   <li><b>Facade</b> ({@code SessionImpl}): the public {@link dev.quarry.orm.Session} API, argument
 *       checks and delegation only. Nothing inside the session calls back into it: helpers are
 *       handed the {@code SessionState} (cascades call its {@code add}/{@code delete}, loaders its
 *       {@code reload}), and listeners are the only ones handed the facade.
 *   <li><b>State</b> ({@code SessionState}, {@code IdentityMap}, {@code EntityEntry}): the one owner
 *       of the identity map — one object per row, keyed by entity class and id; every tracked object
 *       (pending ones too) by object identity — and of every transition of an object's state:
 *       transient → pending → persistent → deleted/detached, expiry, the watch list autoflush
 *       visits, what a flush or a statement outside it did, commit, rollback, close and a commit
 *       whose outcome is unknown, attach/detach, and switching interception off while the session
 *       reads and writes objects itself. An entry holds the state, the snapshot dirty checking
 *       diffs against, and what rollback restores.
 *   <li><b>Loading</b> ({@code LoadPipeline}, {@code EntityLoader}): one pipeline turns the rows of
 *       every entity statement (queries, {@code get}, lazy loads) into objects through the identity
 *       map; new objects are the generated subclass ({@code User_Proxy}) whose accessors call the
 *       object's {@code EntityEntry}, which reloads expired state and runs a relationship's
 *       strategy on first access (property indexes after the columns are relationships).
 *   <li><b>Flush</b> ({@code SessionFlush}): {@code FlushPlanner} finds the changes (client
 *       defaults, before-callbacks, validators), assigns client-side ids and orders statements by
 *       foreign keys (tables parents first; rows of self-referencing tables parent rows first;
 *       deletes in reverse); {@code UnitOfWork} sends each same-shape step as one engine batch,
 *       reads generated keys back, checks row counts (versions), undoes its in-memory changes if
 *       anything fails, and on success hands each row to the state's transitions. Both work on the
 *       {@code SessionState} alone: it carries the connection seam, the persisters and lifecycle
 *       dispatch a flush needs. {@code SessionFlush#touched} is the one place that learns what a
 *       flush or bulk statement wrote ({@link dev.quarry.orm.FlushChanges}): the caches and
 *       listeners. Autoflush before every query runs there too.
 *   <li><b>Connections</b>: {@code SessionTransaction#connectionFor(mapping)} is the single seam
 *       choosing the connection for an entity's statements — flush, loads, lazy loads, bulk
 *       statements, association rows, id allocation, Core statements through the session; several
 *       databases, shards and async sessions plug in there. A session takes an engine transaction
 *       on first use and gives the connection back at commit, rollback and close. Every statement
 *       runs through the engine's {@code Connection} ({@code SessionConnection} counts it for the
 *       session), so engine statistics, SQL logging ({@code dev.quarry.sql}) and listeners see it,
 *       and failures are the engine's typed exceptions.
 *   <li><b>Failure</b> (SQLAlchemy's contract): a failed flush rolls the transaction back at once
 *       and the session raises {@link dev.quarry.orm.PendingRollbackException} (carrying the cause)
 *       until {@code rollback()}, which expunges pending objects and objects inserted in the
 *       transaction (clearing generated ids), restores deleted and changed objects to their
 *       database values, and expires generated subclasses.
 * </ul>
 *
 * <h2>Caches</h2>
 * <ul>
 *   <li>{@code CacheInvalidations} (per engine: stamps, invalidations by key and scope),
 *       {@code SecondLevelCacheImpl} (per factory: keys, stores, checked reads and puts) and
 *       {@code SessionCache} (per session: its transaction's stamp, the tables it wrote, what its
 *       commit invalidates through the engine connection's {@code afterCommit}). Loading asks them
 *       before SQL ({@code SessionState.get}, {@code RelatedRows}, {@code CachedCollections},
 *       {@code QueryCache}) and {@code EntityLoader} puts what it reads.
 * </ul>
 *
 * <h2>Relationships and loading</h2>
 * <ul>
 *   <li><b>Compiled accessors</b>: the generated mapping describes each relationship
 *       ({@link dev.quarry.spi.RelationInfo}) and gets/sets it directly; relationship {@code r} is
 *       interceptor property {@code columns + r}, so the generated subclass's getter loads it on
 *       first access. {@code Relationship} resolves both sides once (foreign-key column, mirror).
 *   <li><b>Strategies</b>: one {@code LoadStrategy} class per strategy ({@code LazyLoader},
 *       {@code SelectInLoader}, {@code JoinedLoader}, {@code NoLoadLoader}, {@code RaiseLoader},
 *       {@code DynamicLoader}): what it adds to the query's statement, what it runs after the rows,
 *       what first access does. {@code LoadPipeline} asks them per relationship and level from a
 *       {@code LoadPlan} (the query's {@link dev.quarry.orm.Load} options, else the annotation's
 *       default) and remembers lazy options per object ({@code EntityEntry.options}). They live in
 *       this package because they work on the identity map's package-private entries. Rows are read
 *       through an {@code EntityLoader}: the session's, or an
 *       {@link dev.quarry.orm.EntityQuery#untracked() untracked} read's own, whose objects are born
 *       detached and kept only for that read.
 *   <li><b>Persistence</b> ({@code RelationSync}): at flush, loaded or user-built one-to-many
 *       collections set their elements' references (new elements are saved: save-update cascade),
 *       removed elements are deleted (delete-orphan) or detached from the owner; {@code add}
 *       cascades to related new objects; {@code delete} cascades where declared. Setting a
 *       reference on a session-managed object updates the loaded collections on both sides
 *       (SQLAlchemy's {@code back_populates}; {@code mappedBy} names the pair).
 *   <li><b>Self-references</b> ({@code SelfReferences}): new rows are inserted parents first, in
 *       separate statements when the database generates ids; a cycle of new rows is broken by
 *       inserting one reference as NULL and setting it in a second flush pass (post-update).
 * </ul>
 */
package dev.quarry.orm.internal;
