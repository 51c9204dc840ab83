package dev.quarry.migrate;

/**
 * One revision's change to the schema, in both directions (an Alembic revision script's
 * {@code upgrade()} and {@code downgrade()}). Annotate the class with {@link Revision}: the
 * processor registers it, so the migrator finds it without scanning or reflection.
 *
 * <pre>{@code
 * @Revision(id = "4f1c2a9e0b7d", revises = "1975ea83b712", message = "add users.email")
 * public final class AddUsersEmail implements Migration {
 *   public void upgrade(Ops op) {
 *     op.addColumn("users", ColumnSpec.of("email", SqlTypes.varchar(255)));
 *   }
 *
 *   public void downgrade(Ops op) {
 *     op.dropColumn("users", "email");
 *   }
 * }
 * }</pre>
 */
public interface Migration {
  /** Moves the schema from the revisions this one revises to this one. */
  void upgrade(Ops op);

  /** Moves the schema back from this revision to the ones it revises. */
  void downgrade(Ops op);
}
