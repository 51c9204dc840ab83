package dev.quarry.sql.internal;

import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.sql.DatePart;
import dev.quarry.sql.LockWait;
import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.TypeKind;
import dev.quarry.types.Vendor;
import java.util.List;
import java.util.Objects;

/**
 * How one database spells SQL: identifier quoting, DDL type names, DDL statements that differ
 * (sequences, foreign keys, indexes), capabilities, and the clauses whose syntax differs (paging,
 * NULL ordering, ILIKE, concatenation, row locks, upsert).
 *
 * <p>This base class is ANSI SQL; each vendor's dialect overrides only what differs. Dialects are
 * stateless singletons obtained with {@link #of(Vendor)}. They know SQL text and types, not the
 * statement builder: clauses they arrange receive the builder's pieces as {@link Fragment}s.
 * Hooks append to the given {@code StringBuilder}; fragments append to the same builder.
 */
public abstract class Dialect {
  private final Vendor vendor;
  private final boolean quoteEveryName;

  protected Dialect(Vendor vendor, IdentifierQuoting quoting) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.quoteEveryName = Objects.requireNonNull(quoting, "quoting") == IdentifierQuoting.EVERY_NAME;
  }

  /** The dialect for a database product, quoting names only as needed. */
  public static Dialect of(Vendor vendor) {
    return of(vendor, IdentifierQuoting.AS_NEEDED);
  }

  /** The dialect for a database product, quoting names as {@code quoting} says. */
  public static Dialect of(Vendor vendor, IdentifierQuoting quoting) {
    boolean every = Objects.requireNonNull(quoting, "quoting") == IdentifierQuoting.EVERY_NAME;
    switch (Objects.requireNonNull(vendor, "vendor")) {
      case SQLITE:
        return every ? SqliteDialect.QUOTING_EVERY_NAME : SqliteDialect.INSTANCE;
      case H2:
        return every ? H2Dialect.QUOTING_EVERY_NAME : H2Dialect.INSTANCE;
      case POSTGRESQL:
        return every ? PostgresDialect.QUOTING_EVERY_NAME : PostgresDialect.INSTANCE;
      case MYSQL:
        return every ? MySqlDialect.MYSQL_QUOTING_EVERY_NAME : MySqlDialect.MYSQL;
      case MARIADB:
        return every ? MySqlDialect.MARIADB_QUOTING_EVERY_NAME : MySqlDialect.MARIADB;
      default:
        return every ? AnsiDialect.QUOTING_EVERY_NAME : AnsiDialect.INSTANCE;
    }
  }

  /** Which names this dialect quotes. */
  public final IdentifierQuoting identifierQuoting() {
    return quoteEveryName ? IdentifierQuoting.EVERY_NAME : IdentifierQuoting.AS_NEEDED;
  }

  /** The dialect of what {@code connectable} runs: its database and its identifier quoting. */
  public static Dialect of(dev.quarry.engine.Connectable connectable) {
    return of(connectable.vendor(), connectable.identifierQuoting());
  }

  /** The database this dialect renders for. */
  public final Vendor vendor() {
    return vendor;
  }

  // --- identifiers -------------------------------------------------------------------------

  /**
   * The identifier as SQL. Every table, column, alias and constraint name goes through here. As
   * SQLAlchemy renders names: a lower-case name of ASCII letters, digits and underscores that does
   * not start with a digit and is no reserved word here is written as is; any other name (upper or
   * mixed case, a reserved word, spaces, quotes, {@code ?}, {@code :}, {@code %}, …) is quoted with
   * embedded quote characters doubled, so it is never read as syntax. With
   * {@link IdentifierQuoting#EVERY_NAME} every name is quoted.
   */
  public final String quote(String identifier) {
    if (identifier == null || identifier.isEmpty()) {
      throw new IllegalArgumentException("an SQL identifier must be a non-empty string");
    }
    return quoteEveryName || needsQuotes(identifier) ? quoteWith(identifier, quoteCharacter()) : identifier;
  }

  /** Whether {@code identifier} must be quoted to mean itself here (see {@link #quote(String)}). */
  public final boolean needsQuotes(String identifier) {
    char first = identifier.charAt(0);
    if (!(first >= 'a' && first <= 'z' || first == '_')) {
      return true;
    }
    for (int i = 1; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return true;
      }
    }
    return reservedWords().contains(identifier);
  }

  /**
   * The name as this database's catalog (JDBC metadata, information schema) lists the object
   * {@link #quote(String)} names: itself when quoted, else folded as the database folds unquoted
   * names (H2 to upper case).
   */
  public final String catalogName(String identifier) {
    return quoteEveryName || needsQuotes(identifier) ? identifier : foldUnquoted(identifier);
  }

  /** How the database stores an unquoted (lower-case) name: unchanged unless it folds to upper case. */
  protected String foldUnquoted(String identifier) {
    return identifier;
  }

  /**
   * The inverse of {@link #catalogName}: the name a model uses for a name the catalog lists
   * (SQLAlchemy's {@code normalize_name}). Where unquoted names fold to upper case (H2), a name
   * that is all upper case and would need no quotes in lower case was written unquoted in lower
   * case, so it comes back lower-cased; any other name (mixed case, quoted) is exact.
   */
  public final String modelName(String catalogName) {
    if (catalogName == null || catalogName.isEmpty() || quoteEveryName) {
      return catalogName;
    }
    String lower = catalogName.toLowerCase(java.util.Locale.ROOT);
    return !needsQuotes(lower) && foldUnquoted(lower).equals(catalogName) ? lower : catalogName;
  }

  /** The character that quotes identifiers. */
  protected char quoteCharacter() {
    return '"';
  }

  /** Words this database refuses as unquoted names, in lower case. */
  protected java.util.Set<String> reservedWords() {
    return ReservedWords.ANY;
  }

  /** {@code schema.name}, or just {@code name} when schema is null, each quoted as needed. */
  public final String quote(String schema, String name) {
    return schema == null ? quote(name) : quote(schema) + "." + quote(name);
  }

  /** Quotes with {@code q}, doubling embedded {@code q}; rejects empty names and NUL characters. */
  protected static String quoteWith(String identifier, char q) {
    if (identifier == null || identifier.isEmpty()) {
      throw new IllegalArgumentException("an SQL identifier must be a non-empty string");
    }
    if (identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an SQL identifier cannot contain a NUL character: "
          + identifier.replace("\0", "\\0"));
    }
    StringBuilder sb = new StringBuilder(identifier.length() + 2).append(q);
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (c == q) {
        sb.append(q);
      }
      sb.append(c);
    }
    return sb.append(q).toString();
  }

  // --- DDL types ---------------------------------------------------------------------------

  /** The column type in DDL, e.g. {@code VARCHAR(100)}, {@code NUMERIC(10,2)}. */
  public String typeName(SqlType<?> type) {
    switch (type.kind()) {
      case BOOLEAN:
        return "BOOLEAN";
      case TINYINT:
      case SMALLINT:
        return "SMALLINT";
      case INTEGER:
        return "INTEGER";
      case BIGINT:
        return "BIGINT";
      case REAL:
        return "REAL";
      case DOUBLE:
        return "DOUBLE PRECISION";
      case DECIMAL:
        return decimalName(type, "DECIMAL");
      case CHAR:
        return "CHAR(" + Math.max(1, type.length()) + ")";
      case VARCHAR:
        return type.length() > 0 ? "VARCHAR(" + type.length() + ")" : "VARCHAR(" + 255 + ")";
      case TEXT:
      case JSON:
        return "CLOB";
      case DATE:
        return "DATE";
      case TIME:
        return "TIME";
      case TIMESTAMP:
        return "TIMESTAMP";
      case TIMESTAMP_TZ:
        return "TIMESTAMP WITH TIME ZONE";
      case UUID:
        return "CHAR(36)";
      case BINARY:
        return type.length() > 0 ? "VARBINARY(" + type.length() + ")" : "BLOB";
      default:
        throw new IllegalArgumentException("no DDL type for " + type);
    }
  }

  /**
   * The type an entity declares for a column this database's catalog describes as
   * {@code typeName} (schema reading; the inverse of {@link #typeName} where that is one to one).
   * {@code length} is the declared character or byte length (or MySQL's display width),
   * {@code precision}/{@code scale} a decimal's; each is 0 when not declared. Null when the name is
   * not one Quarry writes. {@code CHAR(36)} reads as a UUID where UUIDs are stored so.
   */
  public SqlType<?> typeFromCatalog(String typeName, int length, int precision, int scale) {
    String name = typeName.trim().toUpperCase(java.util.Locale.ROOT);
    switch (name) {
      case "BOOLEAN":
      case "BOOL":
        return SqlTypes.BOOLEAN;
      case "TINYINT":
        return SqlTypes.TINYINT;
      case "SMALLINT":
      case "INT2":
        return SqlTypes.SMALLINT;
      case "INTEGER":
      case "INT":
      case "INT4":
        return SqlTypes.INTEGER;
      case "BIGINT":
      case "INT8":
        return SqlTypes.BIGINT;
      case "REAL":
      case "FLOAT4":
        return SqlTypes.REAL;
      case "DOUBLE":
      case "DOUBLE PRECISION":
      case "FLOAT8":
      case "FLOAT":
        return SqlTypes.DOUBLE;
      case "DECIMAL":
      case "NUMERIC":
        return precision > 0 ? SqlTypes.decimal(precision, scale) : SqlTypes.DECIMAL;
      case "DECFLOAT":
        return SqlTypes.DECIMAL;
      case "CHAR":
      case "CHARACTER":
      case "BPCHAR":
        if (length == 36 && "CHAR(36)".equals(typeName(SqlTypes.UUID_TYPE))) {
          return SqlTypes.UUID_TYPE;
        }
        return length <= 1 ? SqlTypes.CHAR : SqlTypes.CHAR.withLength(length);
      case "VARCHAR":
      case "CHARACTER VARYING":
      case "VARCHAR2":
      case "NVARCHAR":
        // H2's unbounded CHARACTER VARYING reports its maximum, 1e9.
        return length > 0 && length < 1_000_000_000 ? SqlTypes.varchar(length) : SqlTypes.TEXT;
      case "TEXT":
      case "CLOB":
      case "CHARACTER LARGE OBJECT":
      case "TINYTEXT":
      case "MEDIUMTEXT":
      case "LONGTEXT":
        return SqlTypes.TEXT;
      case "DATE":
        return SqlTypes.DATE;
      case "TIME":
      case "TIME WITHOUT TIME ZONE":
        return SqlTypes.TIME;
      case "TIMESTAMP":
      case "TIMESTAMP WITHOUT TIME ZONE":
      case "DATETIME":
        return SqlTypes.TIMESTAMP;
      case "TIMESTAMP WITH TIME ZONE":
      case "TIMESTAMPTZ":
        return SqlTypes.TIMESTAMP_TZ;
      case "UUID":
        return SqlTypes.UUID_TYPE;
      case "BLOB":
      case "BYTEA":
      case "BINARY LARGE OBJECT":
      case "TINYBLOB":
      case "MEDIUMBLOB":
      case "LONGBLOB":
        return SqlTypes.BINARY;
      case "VARBINARY":
      case "BINARY VARYING":
        return length > 0 ? SqlTypes.binary(length) : SqlTypes.BINARY;
      case "JSON":
      case "JSONB":
        return JsonText.INSTANCE;
      default:
        return null;
    }
  }

  /**
   * A JSON column read from a catalog: kind {@link TypeKind#JSON}, values as their JSON text. An
   * entity's JSON type maps to a Java class of its own, which a catalog does not know.
   */
  public static final class JsonText extends SqlType<String> {
    public static final JsonText INSTANCE = new JsonText();

    private JsonText() {
      super(TypeKind.JSON, String.class, 0, 0, 0);
    }

    @Override
    public String read(java.sql.ResultSet rs, int index, Vendor vendor) throws java.sql.SQLException {
      return rs.getString(index);
    }

    @Override
    public void bind(java.sql.PreparedStatement ps, int index, String value, Vendor vendor)
        throws java.sql.SQLException {
      if (vendor == Vendor.POSTGRESQL) {
        ps.setObject(index, value, java.sql.Types.OTHER);
      } else {
        ps.setString(index, value);
      }
    }
  }

  /** The type name in {@code CAST(x AS type)}; the DDL name unless the database's CAST takes fewer types. */
  public String castTypeName(SqlType<?> type) {
    return typeName(type);
  }

  /**
   * The DDL of an auto-increment (identity) column's type, e.g. {@code BIGINT GENERATED BY
   * DEFAULT AS IDENTITY}; see {@link #identityNeedsInlinePrimaryKey()}.
   */
  public String identityTypeName(SqlType<?> type) {
    return typeName(type) + " GENERATED BY DEFAULT AS IDENTITY";
  }

  /**
   * Whether an identity column must be declared {@code PRIMARY KEY} inline (SQLite's
   * {@code INTEGER PRIMARY KEY AUTOINCREMENT}) rather than in a table-level constraint.
   */
  public boolean identityNeedsInlinePrimaryKey() {
    return false;
  }

  /** {@code name(p,s)} or {@code name} when the type declares no precision. */
  protected static String decimalName(SqlType<?> type, String name) {
    return type.precision() > 0 ? name + "(" + type.precision() + "," + type.scale() + ")" : name;
  }

  /**
   * Whether the database refuses a value longer than its column's declared length. Where it does
   * not (SQLite stores any length), DDL adds {@code CHECK (length(col) <= n)} to such columns, so
   * that a value too long fails as it does elsewhere.
   */
  public boolean enforcesDeclaredLength() {
    return true;
  }

  /** Whether {@code kind} has a native column type here (not emulated by text or numbers). */
  public boolean hasNativeType(TypeKind kind) {
    return true;
  }

  // --- DDL: sequences, foreign keys, indexes, names (schema.Metadata and the ORM) ----------
  //
  // Sequence SQL throws UnsupportedOperationException naming the database where
  // supportsSequences() is false, so a caller that skipped the check fails with a clear message
  // rather than with the database's syntax error.

  /** Whether CREATE SEQUENCE exists. */
  public boolean supportsSequences() {
    // False unless a dialect says so: an unknown database may have no sequences (SQLAlchemy's
    // default dialect says the same). createAll and the ORM both ask here, so they agree: without
    // sequences no sequence is created and the ORM counts ids up from the table's highest key.
    return false;
  }

  /** The query whose one row and column is the sequence's next value; {@code schema} may be null. */
  public final String nextSequenceValueQuery(String schema, String name) {
    requireSequences();
    return "SELECT " + nextValueExpression(quote(schema, name));
  }

  /** {@code CREATE SEQUENCE} starting at {@code start}, stepping by {@code incrementBy}; {@code schema} may be null. */
  public final String createSequence(String schema, String name, long start, long incrementBy) {
    requireSequences();
    if (incrementBy == 0) {
      throw new IllegalArgumentException("sequence " + name + ": the increment cannot be 0");
    }
    return "CREATE SEQUENCE " + quote(schema, name) + " START WITH " + start + " INCREMENT BY " + incrementBy;
  }

  /** {@code DROP SEQUENCE}; {@code schema} may be null. */
  public final String dropSequence(String schema, String name) {
    requireSequences();
    return "DROP SEQUENCE " + quote(schema, name);
  }

  /** The query listing the sequence names of the schema bound to its one {@code ?}. */
  public String sequenceNamesQuery() {
    // Not DatabaseMetaData: JDBC drivers do not all list sequences there.
    requireSequences();
    return "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = ?";
  }

  /** The expression fetching the next value of a sequence, given its quoted (qualified) name. */
  protected String nextValueExpression(String quotedSequence) {
    return "NEXT VALUE FOR " + quotedSequence;
  }

  /** Throws UnsupportedOperationException naming the database unless {@link #supportsSequences()}. */
  protected final void requireSequences() {
    if (!supportsSequences()) {
      throw new UnsupportedOperationException("sequences are not available in the " + vendor.displayName()
          + " dialect; check supportsSequences() first");
    }
  }

  // --- reading a live schema (schema.Metadata.reflect) ---------------------------------------

  /**
   * The query listing a table's check constraints as (name, condition text) rows; its two
   * {@code ?} are the schema and the table as the catalog names them.
   */
  public String checkConstraintsQuery() {
    return "SELECT tc.constraint_name, cc.check_clause FROM information_schema.table_constraints tc"
        + " JOIN information_schema.check_constraints cc ON cc.constraint_schema = tc.constraint_schema"
        + " AND cc.constraint_name = tc.constraint_name"
        + " WHERE tc.constraint_type = 'CHECK' AND tc.table_schema = ? AND tc.table_name = ?";
  }

  /** A check condition as {@link #checkConstraintsQuery()} gives it, without this database's wrapping. */
  public String checkFromCatalog(String text) {
    return text.trim();
  }

  /** A column default as the catalog gives it, without this database's decorations; null for none. */
  public String defaultFromCatalog(String text) {
    if (text == null) {
      return null;
    }
    String d = text.trim();
    return d.isEmpty() ? null : d;
  }

  /**
   * Whether a one-column unique constraint named {@code constraint} (as the catalog lists it) is
   * the name this database makes up for a column's own {@code UNIQUE}.
   */
  public boolean isColumnUniqueName(String table, String constraint, String column) {
    return false;
  }

  /** Whether this database reports its default foreign key action (NO ACTION) as RESTRICT. */
  public boolean reportsNoActionAsRestrict() {
    return false;
  }

  /**
   * The CHECK condition that marks a column as JSON where JSON is stored as text with a validity
   * check named after the column (MariaDB); null where JSON is a type of its own or plain text.
   */
  public String jsonValidityCheck(String column) {
    return null;
  }

  /**
   * The query listing the indexes that back a table's constraints under names of their own (its
   * {@code ?}s: schema, table), so that they are not read as indexes; null where the catalog's
   * index list already tells them apart.
   */
  public String constraintIndexesQuery() {
    return null;
  }

  /** Whether a unique constraint is kept as a unique index, not told apart from one. */
  public boolean keepsUniqueConstraintsAsIndexes() {
    return false;
  }

  /**
   * The query listing the schema's own sequences (not those identity columns own) as (name,
   * increment) rows, its one {@code ?} the schema; null where each sequence is asked separately
   * ({@link #sequenceIncrementQuery}).
   */
  public String sequencesQuery() {
    requireSequences();
    return "SELECT sequence_name, increment FROM information_schema.sequences WHERE sequence_schema = ?";
  }

  /** The query whose one row and column is the sequence's increment, where {@link #sequencesQuery()} is null. */
  public String sequenceIncrementQuery(String schema, String name) {
    throw new UnsupportedOperationException(vendor.displayName() + " lists sequences with sequencesQuery()");
  }

  /** Whether foreign keys can be added to and dropped from an existing table (to close reference cycles). */
  public boolean supportsAlterForeignKey() {
    return true;
  }

  /** {@code ALTER TABLE} dropping the named foreign key of a table; {@code schema} may be null. */
  public String dropForeignKey(String schema, String table, String constraint) {
    if (!supportsAlterForeignKey()) {
      throw new UnsupportedOperationException(vendor.displayName()
          + " cannot drop a foreign key from an existing table; drop the table instead");
    }
    return "ALTER TABLE " + quote(schema, table) + " DROP CONSTRAINT " + quote(constraint);
  }

  /** The statement deferring foreign key checks to commit, or null where there is none. */
  public String deferForeignKeyChecks() {
    // Used where keys cannot be dropped first, so tables referencing each other can still be dropped.
    return null;
  }

  // --- migrations ---------------------------------------------------------------------------

  /**
   * Whether DDL runs inside a transaction and rolls back with it (PostgreSQL, SQLite); where it
   * does not (H2, MariaDB/MySQL), each DDL statement commits as it runs.
   */
  public boolean transactionalDdl() {
    return false;
  }

  /**
   * Statements run outside any transaction before a migration that rebuilds tables, so that
   * dropping the old copy of a table does not cascade to (or fail for) the rows referencing it;
   * empty where tables are altered in place.
   */
  public List<String> foreignKeysOffForRebuild() {
    return List.of();
  }

  /** The statements that undo {@link #foreignKeysOffForRebuild()}, run outside any transaction. */
  public List<String> foreignKeysOnAfterRebuild() {
    return List.of();
  }

  /**
   * A query listing the foreign-key violations a rebuild left (one row each), run before its
   * transaction commits; null where keys stay enforced throughout.
   */
  public String foreignKeyViolationsQuery() {
    return null;
  }

  // --- schema changes: ALTER TABLE and the other DDL of migrations (schema.SchemaChanges) ----
  //
  // Names are passed unquoted and quoted here. Where a database has no statement for a change,
  // the method throws UnsupportedOperationException naming the database, so that a caller that
  // skipped the capability check fails with a clear message rather than a syntax error.

  /**
   * Whether dropping or altering a column and adding or dropping a constraint rebuild the table
   * (create a copy, copy the rows, drop, rename: SQLite, whose ALTER TABLE cannot do these) instead
   * of running ALTER TABLE.
   */
  public boolean rebuildsTableToAlter() {
    return false;
  }

  /**
   * Statements run while a table is rebuilt ({@link #rebuildsTableToAlter()}), after the rows are
   * copied from {@code table} to {@code copy}, so that the copy's identity goes on counting where
   * the table's did (not from its highest remaining key, which would hand out deleted keys again).
   */
  public List<String> copyIdentityCounter(String schema, String table, String copy) {
    return List.of();
  }

  /**
   * Whether {@code ADD COLUMN} can add a column with these properties to a table that may hold
   * rows; where not, the table is rebuilt ({@link #rebuildsTableToAlter()}).
   */
  public boolean addsColumnInPlace(boolean notNull, boolean unique, String serverDefault) {
    return true;
  }

  /** {@code ALTER TABLE ... ADD COLUMN}, {@code columnDefinition} as in CREATE TABLE. */
  public String addColumn(String schema, String table, String columnDefinition) {
    return "ALTER TABLE " + quote(schema, table) + " ADD COLUMN " + columnDefinition;
  }

  /** {@code ALTER TABLE ... DROP COLUMN}. */
  public String dropColumn(String schema, String table, String column) {
    return "ALTER TABLE " + quote(schema, table) + " DROP COLUMN " + quote(column);
  }

  /** Renames a table within its schema. */
  public String renameTable(String schema, String table, String newName) {
    return "ALTER TABLE " + quote(schema, table) + " RENAME TO " + quote(newName);
  }

  /** Renames a column. */
  public String renameColumn(String schema, String table, String column, String newName) {
    return "ALTER TABLE " + quote(schema, table) + " RENAME COLUMN " + quote(column) + " TO " + quote(newName);
  }

  /**
   * Changes a column's type, keeping its nullability and default. {@code definition} is the
   * column's whole definition after the change (as in CREATE TABLE), for databases that restate it.
   */
  public String alterColumnType(String schema, String table, String column, SqlType<?> type, String definition) {
    return "ALTER TABLE " + quote(schema, table) + " ALTER COLUMN " + quote(column) + " SET DATA TYPE "
        + typeName(type);
  }

  /** Makes a column nullable or NOT NULL; {@code definition} as in {@link #alterColumnType}. */
  public String alterColumnNullable(String schema, String table, String column, boolean nullable,
      String definition) {
    return "ALTER TABLE " + quote(schema, table) + " ALTER COLUMN " + quote(column)
        + (nullable ? " DROP NOT NULL" : " SET NOT NULL");
  }

  /** Sets a column's server default (SQL text), or drops it when {@code serverDefault} is null. */
  public String alterColumnDefault(String schema, String table, String column, String serverDefault) {
    return "ALTER TABLE " + quote(schema, table) + " ALTER COLUMN " + quote(column)
        + (serverDefault == null ? " DROP DEFAULT" : " SET DEFAULT " + serverDefault);
  }

  /** {@code DROP INDEX}; the index is in its table's schema. */
  public String dropIndex(String schema, String table, String index) {
    return "DROP INDEX " + quote(schema, index);
  }

  /** Drops a named unique constraint. */
  public String dropUnique(String schema, String table, String constraint) {
    return "ALTER TABLE " + quote(schema, table) + " DROP CONSTRAINT " + quote(constraint);
  }

  /** Drops a named check constraint. */
  public String dropCheck(String schema, String table, String constraint) {
    return "ALTER TABLE " + quote(schema, table) + " DROP CONSTRAINT " + quote(constraint);
  }

  /**
   * Whether adding a foreign key whose columns no index starts with creates an index named after
   * the key, which stays when the key is dropped (MySQL, MariaDB): dropping the key drops it too.
   */
  public boolean keepsForeignKeyIndexAfterDrop() {
    return false;
  }

  /** {@code ALTER SEQUENCE ... INCREMENT BY}; {@code schema} may be null. */
  public final String alterSequenceIncrement(String schema, String name, long incrementBy) {
    requireSequences();
    if (incrementBy == 0) {
      throw new IllegalArgumentException("sequence " + name + ": the increment cannot be 0");
    }
    return "ALTER SEQUENCE " + quote(schema, name) + " INCREMENT BY " + incrementBy;
  }

  /** Whether enum types are named schema objects ({@code CREATE TYPE ... AS ENUM}). */
  public boolean supportsEnumTypes() {
    return false;
  }

  /** {@code CREATE TYPE ... AS ENUM} of the values, in order. */
  public String createEnumType(String schema, String name, List<String> values) {
    requireEnumTypes(name);
    StringBuilder sql = new StringBuilder("CREATE TYPE ").append(quote(schema, name)).append(" AS ENUM (");
    for (int i = 0; i < values.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(stringLiteral(values.get(i)));
    }
    return sql.append(')').toString();
  }

  /** {@code DROP TYPE} of an enum type. */
  public String dropEnumType(String schema, String name) {
    requireEnumTypes(name);
    return "DROP TYPE " + quote(schema, name);
  }

  private void requireEnumTypes(String name) {
    if (!supportsEnumTypes()) {
      throw new UnsupportedOperationException(vendor.displayName() + " has no named enum types (enum type " + name
          + "); store the enum in a VARCHAR column (SqlTypes.enumByName) instead");
    }
  }

  /**
   * The type a column declared as {@code type} reads back as ({@link #typeFromCatalog} of its DDL
   * name), so that a model and a schema read from the database compare as the database keeps
   * them: SQLite's integers read as BIGINT, PostgreSQL's TINYINT as SMALLINT, MariaDB's REAL as
   * DOUBLE. A type whose DDL name reads as nothing Quarry writes is itself.
   */
  public SqlType<?> typeAsStored(SqlType<?> type) {
    String ddl = typeName(type);
    int open = ddl.indexOf('(');
    String name = open < 0 ? ddl : ddl.substring(0, open);
    int length = 0;
    int precision = 0;
    int scale = 0;
    if (open >= 0 && ddl.endsWith(")")) {
      String[] args = ddl.substring(open + 1, ddl.length() - 1).split(",");
      try {
        if (args.length == 1) {
          length = Integer.parseInt(args[0].trim());
        } else if (args.length == 2) {
          precision = Integer.parseInt(args[0].trim());
          scale = Integer.parseInt(args[1].trim());
        }
      } catch (NumberFormatException e) {
        return type;
      }
    }
    SqlType<?> read = typeFromCatalog(name, length, precision, scale);
    return read == null ? type : read;
  }

  /**
   * A server default as the database keeps it ({@link #defaultFromCatalog} of the text, plus any
   * rewriting of literals this database does), for comparing with one read back; null for none.
   */
  public String defaultAsStored(String serverDefault, SqlType<?> type) {
    return defaultFromCatalog(serverDefault);
  }

  // --- DDL: index names, name case, catalogs --------------------------------------------------

  /** Whether CREATE INDEX puts the schema on the index name ({@code "s"."ix" ON "t"}) instead of the table. */
  public boolean schemaQualifiesIndexName() {
    return false;
  }

  /** Whether table and index names compare ignoring ASCII case even when quoted. */
  public boolean namesIgnoreCase() {
    return false;
  }

  /** Whether JDBC metadata calls this database's schemas catalogs (a schema is a database). */
  public boolean schemaIsCatalog() {
    return false;
  }

  // --- capabilities ------------------------------------------------------------------------

  /** Most {@code ?} parameters one statement may carry; longer IN lists are split. */
  public int maxBindParameters() {
    return vendor.maxBindParameters();
  }

  /** How IN lists longer than {@link #maxBindParameters()} are passed. */
  public LongInList longInList() {
    return LongInList.SPLIT;
  }

  /**
   * Whether a multi-row insert above {@link #maxBindParameters()} may send one array per column
   * ({@code SELECT * FROM UNNEST(?, …)}) instead of a parameter per value.
   */
  public boolean insertsRowsFromArrays() {
    return longInList() == LongInList.ARRAY;
  }

  /** Most elements one array parameter may hold; longer IN lists use several arrays. */
  public int maxArrayElements() {
    return Integer.MAX_VALUE;
  }

  /**
   * The element type name for {@code Connection.createArrayOf} when an IN list is bound as one
   * array ({@link LongInList#ARRAY}), or null when values of this type are not bound that way.
   */
  public String arrayElementTypeName(SqlType<?> type) {
    Class<?> java = type.javaType();
    if (java == Long.class && type.kind() == TypeKind.BIGINT) {
      return "BIGINT";
    } else if (java == Integer.class && type.kind() == TypeKind.INTEGER) {
      return "INTEGER";
    } else if (java == Short.class && type.kind() == TypeKind.SMALLINT) {
      return "SMALLINT";
    } else if (java == String.class && (type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.TEXT)) {
      return "VARCHAR";
    } else if (java == java.util.UUID.class && type.kind() == TypeKind.UUID) {
      return "UUID";
    } else if (java == java.math.BigDecimal.class && type.kind() == TypeKind.DECIMAL) {
      return "NUMERIC";
    }
    return null;
  }

  /** Whether {@code kind} statements accept a {@code RETURNING} clause. */
  public boolean supportsReturning(DmlKind kind) {
    return false;
  }

  /**
   * Whether rows changed by UPDATE / DELETE can be read as a data change delta table
   * ({@code SELECT … FROM FINAL TABLE (UPDATE …)}, {@code OLD TABLE (DELETE …)}): H2's equivalent of
   * RETURNING, used where {@link #supportsReturning} is false.
   */
  public boolean supportsDataChangeDeltaTable() {
    return false;
  }

  /** How upserts are spelled. */
  public UpsertStyle upsertStyle() {
    return UpsertStyle.MERGE;
  }

  /** Whether {@code SELECT … FOR UPDATE} exists. */
  public boolean supportsForUpdate() {
    return true;
  }

  /** Whether {@code lockWait} is available after {@code FOR UPDATE}. */
  public boolean supports(LockWait lockWait) {
    return lockWait == LockWait.WAIT || supportsForUpdate();
  }

  public boolean supportsFullJoin() {
    return true;
  }

  public boolean supportsRightJoin() {
    return true;
  }

  /** Whether INTERSECT and EXCEPT exist. */
  public boolean supportsIntersectExcept() {
    return true;
  }

  // --- literals and functions --------------------------------------------------------------

  /** Literal for a constant truth value (used for empty AND / OR, never for user values). */
  public String booleanLiteral(boolean value) {
    return value ? "TRUE" : "FALSE";
  }

  /**
   * A value written as SQL text, for {@code Sql.inline} only: numbers, truth values, strings
   * (quotes doubled, see {@link #stringLiteral}), {@code LocalDate}, {@code LocalTime} and
   * {@code LocalDateTime}. The caller has checked the value (finite numbers, no NUL characters).
   */
  public String literal(Object value) {
    if (value instanceof Boolean b) {
      return booleanLiteral(b);
    } else if (value instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof Number n) {
      return n.toString();
    } else if (value instanceof String s) {
      return stringLiteral(s);
    } else if (value instanceof java.time.LocalDate d) {
      return "DATE '" + d + "'";
    } else if (value instanceof java.time.LocalTime t) {
      return "TIME '" + timeText(t) + "'";
    } else if (value instanceof java.time.LocalDateTime t) {
      return "TIMESTAMP '" + t.toLocalDate() + " " + timeText(t.toLocalTime()) + "'";
    }
    throw new IllegalArgumentException("no SQL literal for " + value.getClass().getName());
  }

  /** {@code HH:mm:ss} with a fraction only when not zero, as SQLite stores times ({@link SqlTypes#timeText}). */
  protected static String timeText(java.time.LocalTime t) {
    return SqlTypes.timeText(t);
  }

  /** A string literal: quotes doubled (standard SQL; backslashes are plain characters). */
  protected String stringLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * Whether GROUP BY and ORDER BY refer to a select-list item ({@link #selectItemReference})
   * rather than repeat an expression that holds bound values: repeated, the expression gets
   * parameters of its own, which PostgreSQL and H2 take for a different expression.
   */
  public boolean refersToSelectItems() {
    return false;
  }

  /** A reference to the select-list item at {@code position} (from 1) labelled {@code label}. */
  public void selectItemReference(StringBuilder sql, int position, String label) {
    sql.append(position);
  }

  /**
   * The type a bound value that is a CASE result is cast to, or null where the database types it
   * from the other branches (H2 cannot, inside an aggregate).
   */
  public String caseResultCast(SqlType<?> type) {
    return null;
  }

  /** {@code part} of a date, time or date-time as an integer: {@code EXTRACT(part FROM value)}. */
  public void extract(StringBuilder sql, DatePart part, Fragment value) {
    sql.append("EXTRACT(").append(part.name()).append(" FROM ");
    value.writeTo(sql);
    sql.append(')');
  }

  /** A date ({@code dateOnly}) or date-time truncated to {@code part}, of the same type. */
  public void dateTrunc(StringBuilder sql, DatePart part, Fragment value, boolean dateOnly) {
    sql.append("DATE_TRUNC('").append(part.name()).append("', ");
    value.writeTo(sql);
    sql.append(')');
  }

  /** The escape character that {@code contains/startsWith/endsWith} patterns are escaped with. */
  public final char likeEscapeChar() {
    return '\\';
  }

  /** The SQL literal of {@link #likeEscapeChar()} in an {@code ESCAPE} clause. */
  public String likeEscapeLiteral() {
    return "'\\'";
  }

  /** The function returning a random number. */
  public String randomFunction() {
    return "RANDOM()";
  }

  /** {@code AVG(argument)}, whose result is read as a double. */
  public void average(StringBuilder sql, Fragment argument) {
    sql.append("AVG(");
    argument.writeTo(sql);
    sql.append(')');
  }

  /** The function counting characters (not bytes) of a string. */
  public String charLengthFunction() {
    return "LENGTH";
  }

  /** The current date and time. */
  public String currentTimestamp() {
    return "CURRENT_TIMESTAMP";
  }

  /** What follows {@code INSERT INTO "t"} to insert a row of column defaults only. */
  public String insertDefaultValues() {
    return " DEFAULT VALUES";
  }

  // --- clauses -----------------------------------------------------------------------------

  /** Paging after ORDER BY; either fragment may be null (absent). Both bind integers. */
  public void limitOffset(StringBuilder sql, Fragment limit, Fragment offset) {
    if (offset != null) {
      sql.append(" OFFSET ");
      offset.writeTo(sql);
      sql.append(" ROWS");
    }
    if (limit != null) {
      sql.append(" FETCH FIRST ");
      limit.writeTo(sql);
      sql.append(" ROWS ONLY");
    }
  }

  /** One ORDER BY item. */
  public void orderItem(StringBuilder sql, Fragment expression, boolean descending, NullOrdering nulls) {
    expression.writeTo(sql);
    if (descending) {
      sql.append(" DESC");
    }
    if (nulls == NullOrdering.FIRST) {
      sql.append(" NULLS FIRST");
    } else if (nulls == NullOrdering.LAST) {
      sql.append(" NULLS LAST");
    }
  }

  /** Case-insensitive LIKE; {@code escape} may be null. */
  public void ilike(StringBuilder sql, Fragment value, Fragment pattern, Fragment escape, boolean negated) {
    sql.append("LOWER(");
    value.writeTo(sql);
    sql.append(negated ? ") NOT LIKE LOWER(" : ") LIKE LOWER(");
    pattern.writeTo(sql);
    sql.append(')');
    if (escape != null) {
      sql.append(" ESCAPE ");
      escape.writeTo(sql);
    }
  }

  /**
   * Whether LIKE ignores case (SQLite; MySQL and MariaDB under their default case-insensitive
   * collations): then the literal matches, which are case-sensitive everywhere, use
   * {@link #caseSensitiveMatch}.
   */
  public boolean likeIgnoresCase() {
    return false;
  }

  /**
   * Whether {@link #caseSensitiveMatch} takes a GLOB pattern ({@code *} and {@code ?}, with
   * {@code [*]} escapes) instead of a LIKE pattern escaped with {@link #likeEscapeChar()}.
   */
  public boolean caseSensitiveMatchIsGlob() {
    return false;
  }

  /**
   * A case-sensitive wildcard match of a bound pattern, for dialects whose LIKE ignores case;
   * here a plain LIKE, which is case-sensitive in ANSI SQL.
   */
  public void caseSensitiveMatch(StringBuilder sql, Fragment value, Fragment pattern) {
    value.writeTo(sql);
    sql.append(" LIKE ");
    pattern.writeTo(sql);
    sql.append(" ESCAPE ").append(likeEscapeLiteral());
  }

  /** String concatenation of two or more parts. */
  public void concat(StringBuilder sql, List<Fragment> parts) {
    sql.append('(');
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sql.append(" || ");
      }
      parts.get(i).writeTo(sql);
    }
    sql.append(')');
  }

  /**
   * The row-lock clause of a SELECT.
   *
   * @throws UnsupportedOperationException naming the database when it cannot lock rows this way
   */
  public void forUpdate(StringBuilder sql, LockWait wait) {
    if (!supportsForUpdate()) {
      throw new UnsupportedOperationException(vendor.displayName()
          + " has no SELECT ... FOR UPDATE (it locks the whole database on write); leave forUpdate() out");
    }
    if (!supports(wait)) {
      throw new UnsupportedOperationException(vendor.displayName() + " does not support FOR UPDATE "
          + wait.name().replace('_', ' ') + "; use plain forUpdate()");
    }
    sql.append(" FOR UPDATE");
    if (wait == LockWait.NOWAIT) {
      sql.append(" NOWAIT");
    } else if (wait == LockWait.SKIP_LOCKED) {
      sql.append(" SKIP LOCKED");
    }
  }

  /**
   * In an upsert's update assignments, the value the conflicting row would have inserted into
   * {@code column}. {@code sourceAlias} is the MERGE source's alias (MERGE style only).
   */
  public void excluded(StringBuilder sql, String column, String sourceAlias) {
    sql.append(quote(sourceAlias)).append('.').append(quote(column));
  }

  // --- migration lock ------------------------------------------------------------------------

  /**
   * A query taking the session-level named lock a migration run holds from start to end on a
   * connection of its own, answering one row whose value is true (or 1) when the lock is taken:
   * it waits up to {@code waitSeconds} itself where {@link #migrationLockWaits()}, else it answers
   * at once and the migrator polls it. Null where the database has no named locks (H2, SQLite).
   */
  public String migrationLockQuery(String name, long waitSeconds) {
    return null;
  }

  /** Whether {@link #migrationLockQuery} waits for the lock itself rather than answering at once. */
  public boolean migrationLockWaits() {
    return false;
  }

  /** The query releasing the lock {@link #migrationLockQuery} took; null where there is none. */
  public String migrationUnlockQuery(String name) {
    return null;
  }

  /**
   * Where the database has no named locks but locks rows (H2): the statements that create the
   * one-row lock table if it is missing; a migrator locks its row for the run. Empty elsewhere.
   */
  public List<String> migrationLockTable(String table) {
    return List.of();
  }

  /** The query locking the row of {@link #migrationLockTable} until the transaction ends. */
  public String migrationLockRowQuery(String table) {
    return "SELECT " + quote("id") + " FROM " + quote(table) + " WHERE " + quote("id") + " = 1 FOR UPDATE";
  }

  /** The statement bounding how long this session waits for a row lock; null where it cannot be set. */
  public String lockWaitTimeout(java.time.Duration timeout) {
    return null;
  }

  /**
   * A query with the parameter {@code :name}, a table name as the catalog lists it
   * ({@link #catalogName}), giving a row when the table exists in the connection's default schema.
   */
  public String tableExistsQuery() {
    return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        + " AND table_name = :name";
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + vendor.displayName() + "]";
  }
}
