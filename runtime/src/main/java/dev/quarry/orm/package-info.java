/**
 * The ORM: {@link dev.quarry.orm.SessionFactory} and {@link dev.quarry.orm.Session} (SQLAlchemy's
 * {@code sessionmaker} and {@code Session}), queries over entities, bulk statements, events and
 * scoped sessions — all driven by generated {@link dev.quarry.spi.EntityMapping}s, never by
 * reflection.
 *
 * <p>Everything a user calls lives here; the implementation is in the non-exported
 * {@code dev.quarry.orm.internal} package.
 *
 * <h2>Loading</h2>
 * <ul>
 *   <li><b>JOINED and several collections</b>: all joined references and at most one joined
 *       collection go into the statement; further collections, collections under limit/offset and
 *       deeper levels load with SELECTIN (one IN query each) — never a cartesian product.
 *   <li><b>SELECTIN</b>: one {@code IN} query per relationship and level, split only beyond the
 *       database's bind-parameter limit.
 *   <li><b>{@code backref} in Java</b>: a Java class cannot gain a property at run time, so the
 *       other side is declared where it lives, or left out: a one-sided {@code @ManyToOne} works
 *       alone, and its reverse is always available as a query — {@code session.related(owner,
 *       QUser.user.orders)} for declared collections, or
 *       {@code select(QOrder.order).where(QOrder.order.user.has(QUser.user.id.eq(id)))} /
 *       {@code QOrder.order.userId.eq(id)} for the undeclared side.
 * </ul>
 *
 * <p>Objects users create with {@code new} are plain: the session tracks them by snapshot, and —
 * since their accessors cannot be intercepted — expired plain objects are reloaded when the
 * session hands them out again ({@code get}, queries), not on field access.
 */
package dev.quarry.orm;
