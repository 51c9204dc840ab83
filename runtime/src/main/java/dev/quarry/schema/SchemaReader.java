package dev.quarry.schema;

import dev.quarry.sql.CheckDef;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.UniqueDef;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.SqlType;
import dev.quarry.types.Vendor;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a live schema into a {@link SchemaModel} (SQLAlchemy's {@code MetaData.reflect}): JDBC
 * {@link DatabaseMetaData} for primary keys, foreign keys and indexes, and what metadata does not
 * say from the catalog itself (information_schema, pg_catalog, sqlite_master and PRAGMAs). Names
 * come back as the model writes them ({@link Dialect#modelName}); types as the {@link SqlType} an
 * entity declares for them ({@link Dialect#typeFromCatalog}); defaults and check conditions with the
 * database's decorations removed. See docs/DATABASES.md, "Reading a live schema".
 */
final class SchemaReader {
  private static final Pattern DECLARED_TYPE = Pattern.compile(
      "\\s*([A-Za-z_][A-Za-z0-9_ ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*(?:unsigned.*|zerofill.*)?");

  private static final Pattern LENGTH_CHECK = Pattern.compile("length\\(((?:\"(?:[^\"]|\"\")*\")|[a-z_][a-z0-9_]*)\\) <= (\\d+)");

  private final Connection connection;
  private final Dialect dialect;
  private final Vendor vendor;
  /** The schema as the model names it: null for the connection's default. */
  private final String schema;
  /** The schema as the catalog names it (a catalog on MariaDB; unused on SQLite). */
  private final String catalogSchema;

  private SchemaReader(Connection connection, Dialect dialect, String schema) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.vendor = dialect.vendor();
    this.schema = schema;
    if (vendor == Vendor.SQLITE) {
      this.catalogSchema = null;
    } else if (schema != null) {
      this.catalogSchema = dialect.catalogName(schema);
    } else {
      this.catalogSchema = dialect.schemaIsCatalog() ? connection.getCatalog() : connection.getSchema();
    }
  }

  /** The tables and sequences of {@code schema} (null: the connection's default schema). */
  static SchemaModel read(Connection connection, Dialect dialect, String schema) {
    try {
      if (schema != null && dialect.vendor() == Vendor.SQLITE) {
        throw new SchemaException("SQLite has no schemas to read besides the default one (asked for " + schema + ")");
      }
      return new SchemaReader(connection, dialect, schema).read();
    } catch (SQLException e) {
      throw new SchemaException("could not read the schema " + (schema == null ? "(default)" : schema)
          + " of the " + dialect.vendor().displayName() + " database: " + e.getMessage(), e);
    }
  }

  private SchemaModel read() throws SQLException {
    List<TableModel> tables = new ArrayList<>();
    for (String table : tableNames()) {
      tables.add(vendor == Vendor.SQLITE ? sqliteTable(table) : table(table));
    }
    return new SchemaModel(tables, sequences());
  }

  // --- tables -----------------------------------------------------------------------------

  private List<String> tableNames() throws SQLException {
    List<String> names = new ArrayList<>();
    if (vendor == Vendor.SQLITE) {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
              + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    }
    try (ResultSet rs = connection.getMetaData().getTables(catalog(), metaSchema(), "%", null)) {
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        // The schema argument is a LIKE pattern: '_' in a schema name would match other schemas.
        String in = dialect.schemaIsCatalog() ? rs.getString("TABLE_CAT") : rs.getString("TABLE_SCHEM");
        if (("TABLE".equals(type) || "BASE TABLE".equals(type)) && catalogSchema.equals(in)) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    return names;
  }

  /** A table of PostgreSQL, H2 or MariaDB; {@code table} as the catalog names it. */
  private TableModel table(String table) throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    Map<Integer, String> pkBySeq = new TreeMap<>();
    Set<String> constraintNames = new HashSet<>();
    try (ResultSet rs = md.getPrimaryKeys(catalog(), metaSchema(), table)) {
      while (rs.next()) {
        pkBySeq.put(rs.getInt("KEY_SEQ"), name(rs.getString("COLUMN_NAME")));
        constraintNames.add(rs.getString("PK_NAME"));
      }
    }
    List<String> pk = new ArrayList<>(pkBySeq.values());
    List<ColumnModel> columns = columns(table, pk);

    List<ForeignKey> fks = foreignKeys(md, table, constraintNames);

    // Unique constraints; a single-column one under the name the database makes up for a column's
    // UNIQUE is that column's flag. MariaDB keeps no difference between a unique constraint and a
    // unique index: both read as unique indexes.
    Map<String, List<String>> uniqueColumns = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT tc.constraint_name, kcu.column_name"
        + " FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu"
        + " ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name"
        + " AND kcu.table_name = tc.table_name"
        + " WHERE tc.constraint_type = 'UNIQUE' AND tc.table_schema = ? AND tc.table_name = ?"
        + " ORDER BY tc.constraint_name, kcu.ordinal_position")) {
      ps.setString(1, catalogSchema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          uniqueColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(name(rs.getString(2)));
        }
      }
    }
    List<UniqueDef> uniques = new ArrayList<>();
    Set<String> uniqueFlags = new HashSet<>();
    for (Map.Entry<String, List<String>> u : uniqueColumns.entrySet()) {
      List<String> cols = u.getValue();
      if (cols.size() == 1 && dialect.isColumnUniqueName(table, u.getKey(), cols.get(0))) {
        uniqueFlags.add(cols.get(0));
        constraintNames.add(u.getKey());
      } else if (!dialect.keepsUniqueConstraintsAsIndexes()) {
        uniques.add(new UniqueDef(name(u.getKey()), cols));
        constraintNames.add(u.getKey());
      }
    }
    columns = withUniqueFlags(columns, uniqueFlags);

    List<CheckDef> checks = checks(table);
    List<ColumnModel> typed = new ArrayList<>();
    List<CheckDef> jsonChecks = new ArrayList<>();
    for (ColumnModel c : columns) {
      String validity = dialect.jsonValidityCheck(c.name());
      CheckDef json = validity == null ? null : new CheckDef(c.name(), validity);
      if (json != null && c.type().kind() == dev.quarry.types.TypeKind.TEXT && checks.contains(json)) {
        typed.add(new ColumnModel(c.name(), Dialect.JsonText.INSTANCE, c.nullable(), c.autoIncrement(), c.unique(),
            c.serverDefault()));
        jsonChecks.add(json); // the check is how the database spells the type, not a check of the model
      } else {
        typed.add(c);
      }
    }
    columns = typed;
    checks = checks.stream().filter(ch -> !jsonChecks.contains(ch)).toList();
    String constraintIndexes = dialect.constraintIndexesQuery();
    if (constraintIndexes != null) {
      try (PreparedStatement ps = connection.prepareStatement(constraintIndexes)) {
        ps.setString(1, catalogSchema);
        ps.setString(2, table);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            constraintNames.add(rs.getString(1));
          }
        }
      }
    }
    List<IndexDef> indexes = indexes(md, table, constraintNames);
    return new TableModel(schema, name(table), columns, pk, fks, uniques, checks, indexes);
  }

  private List<ColumnModel> columns(String table, List<String> pk) throws SQLException {
    boolean mysql = vendor == Vendor.MARIADB || vendor == Vendor.MYSQL;
    String extra = mysql ? "column_type, extra" : vendor == Vendor.POSTGRESQL ? "udt_name, is_identity" : "data_type, is_identity";
    List<ColumnModel> columns = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT column_name, data_type,"
        + " character_maximum_length, numeric_precision, numeric_scale, is_nullable, column_default, " + extra
        + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, catalogSchema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String column = name(rs.getString(1));
          String dataType = rs.getString(2);
          int length = (int) Math.min(Integer.MAX_VALUE, rs.getLong(3));
          int precision = rs.getInt(4);
          int scale = rs.getInt(5);
          boolean nullable = "YES".equalsIgnoreCase(rs.getString(6)) && !pk.contains(column);
          String def = rs.getString(7);
          boolean autoIncrement;
          SqlType<?> type;
          if (mysql) {
            Matcher m = DECLARED_TYPE.matcher(rs.getString(8));
            int declared = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
            type = dialect.typeFromCatalog(dataType, isDecimal(dataType) ? length : Math.max(length, declared),
                precision, scale);
            autoIncrement = rs.getString(9) != null && rs.getString(9).toLowerCase(Locale.ROOT).contains("auto_increment");
          } else {
            if (vendor == Vendor.POSTGRESQL && "USER-DEFINED".equals(dataType)) {
              dataType = rs.getString(8);
            }
            type = dialect.typeFromCatalog(dataType, length, isDecimal(dataType) ? precision : 0, scale);
            autoIncrement = "YES".equalsIgnoreCase(rs.getString(9));
            // A serial column: its sequence is its identity.
            autoIncrement |= def != null && vendor == Vendor.POSTGRESQL && def.startsWith("nextval(");
          }
          if (type == null) {
            throw new SchemaException("table " + name(table) + ", column " + column + ": the " + vendor.displayName()
                + " type " + dataType + " has no Quarry type to read it as");
          }
          columns.add(new ColumnModel(column, type, nullable, autoIncrement, false,
              autoIncrement ? null : dialect.defaultFromCatalog(def)));
        }
      }
    }
    return columns;
  }

  private static boolean isDecimal(String dataType) {
    String t = dataType.toLowerCase(Locale.ROOT);
    return t.equals("numeric") || t.equals("decimal");
  }

  private static List<ColumnModel> withUniqueFlags(List<ColumnModel> columns, Set<String> unique) {
    List<ColumnModel> out = new ArrayList<>();
    for (ColumnModel c : columns) {
      out.add(unique.contains(c.name())
          ? new ColumnModel(c.name(), c.type(), c.nullable(), c.autoIncrement(), true, c.serverDefault()) : c);
    }
    return out;
  }

  private List<ForeignKey> foreignKeys(DatabaseMetaData md, String table, Set<String> constraintNames)
      throws SQLException {
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    Map<String, String[]> heads = new LinkedHashMap<>();
    try (ResultSet rs = md.getImportedKeys(catalog(), metaSchema(), table)) {
      while (rs.next()) {
        String fkName = rs.getString("FK_NAME");
        String targetSchema = dialect.schemaIsCatalog() ? rs.getString("PKTABLE_CAT") : rs.getString("PKTABLE_SCHEM");
        heads.putIfAbsent(fkName, new String[] {targetSchema, rs.getString("PKTABLE_NAME"),
            String.valueOf(rs.getInt("DELETE_RULE")), String.valueOf(rs.getInt("UPDATE_RULE"))});
        rows.computeIfAbsent(fkName, k -> new ArrayList<>()).add(new String[] {
            String.format("%05d", rs.getInt("KEY_SEQ")), rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
      }
    }
    List<ForeignKey> fks = new ArrayList<>();
    for (Map.Entry<String, String[]> e : heads.entrySet()) {
      List<String[]> cols = rows.get(e.getKey());
      cols.sort((a, b) -> a[0].compareTo(b[0]));
      String[] h = e.getValue();
      String targetSchema = h[0] == null || h[0].equals(catalogSchema) ? null : name(h[0]);
      fks.add(new ForeignKey(name(e.getKey()), cols.stream().map(c -> name(c[1])).toList(), targetSchema, name(h[1]),
          cols.stream().map(c -> name(c[2])).toList(), action(Integer.parseInt(h[2])), action(Integer.parseInt(h[3]))));
      constraintNames.add(e.getKey());
    }
    return fks;
  }

  /**
   * NO ACTION is the default, so it reads as {@link ReferentialAction#DEFAULT}; H2 and MariaDB
   * report their default as RESTRICT (it behaves so there), which reads as DEFAULT too.
   */
  private ReferentialAction action(int rule) {
    switch (rule) {
      case DatabaseMetaData.importedKeyCascade:
        return ReferentialAction.CASCADE;
      case DatabaseMetaData.importedKeySetNull:
        return ReferentialAction.SET_NULL;
      case DatabaseMetaData.importedKeySetDefault:
        return ReferentialAction.SET_DEFAULT;
      case DatabaseMetaData.importedKeyRestrict:
        return dialect.reportsNoActionAsRestrict() ? ReferentialAction.DEFAULT : ReferentialAction.RESTRICT;
      default:
        return ReferentialAction.DEFAULT;
    }
  }

  private List<CheckDef> checks(String table) throws SQLException {
    String sql = dialect.checkConstraintsQuery();
    List<CheckDef> checks = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, catalogSchema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          checks.add(new CheckDef(name(rs.getString(1)), normalCheck(dialect.checkFromCatalog(rs.getString(2)))));
        }
      }
    }
    return checks;
  }

  /**
   * Check text as the model writes it: quoted identifiers re-quoted as the dialect renders their
   * model names ({@code "AGE"} on H2 and {@code `age`} on MariaDB become {@code age}), and the
   * parentheses around the whole condition (PostgreSQL's) removed.
   */
  String normalCheck(String text) {
    String t = text.trim();
    while (t.startsWith("(") && t.endsWith(")") && closingParen(t, 0) == t.length() - 1) {
      t = t.substring(1, t.length() - 1).trim();
    }
    char q = dialect.quote("A").charAt(0);
    StringBuilder out = new StringBuilder(t.length());
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '\'') {
        int end = endOfQuoted(t, i, '\'');
        out.append(t, i, end);
        i = end;
      } else if (c == q) {
        int end = endOfQuoted(t, i, q);
        String raw = t.substring(i + 1, end - 1).replace(String.valueOf(q) + q, String.valueOf(q));
        out.append(dialect.quote(dialect.modelName(raw)));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index after the quoted text starting at {@code start} (a doubled quote stays inside). */
  private static int endOfQuoted(String s, int start, char q) {
    int i = start + 1;
    while (i < s.length()) {
      if (s.charAt(i) == q) {
        if (i + 1 < s.length() && s.charAt(i + 1) == q) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return s.length();
  }

  /** The index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 if none. */
  private static int closingParen(String s, int open) {
    int depth = 0;
    int i = open;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = endOfQuoted(s, i, c);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private List<IndexDef> indexes(DatabaseMetaData md, String table, Set<String> constraintNames)
      throws SQLException {
    Map<String, Map<Integer, String>> cols = new LinkedHashMap<>();
    Map<String, Boolean> unique = new LinkedHashMap<>();
    try (ResultSet rs = md.getIndexInfo(catalog(), metaSchema(), table, false, false)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        if (index == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
            || constraintNames.contains(index)) {
          continue;
        }
        cols.computeIfAbsent(index, k -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"),
            name(rs.getString("COLUMN_NAME")));
        unique.put(index, !rs.getBoolean("NON_UNIQUE"));
      }
    }
    List<IndexDef> indexes = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, String>> e : cols.entrySet()) {
      indexes.add(new IndexDef(name(e.getKey()), new ArrayList<>(e.getValue().values()), unique.get(e.getKey())));
    }
    return indexes;
  }

  // --- sequences --------------------------------------------------------------------------

  private List<SequenceDef> sequences() throws SQLException {
    List<SequenceDef> out = new ArrayList<>();
    if (!dialect.supportsSequences()) {
      return out;
    }
    String query = dialect.sequencesQuery();
    if (query != null) {
      try (PreparedStatement ps = connection.prepareStatement(query)) {
        addSequences(ps, out);
      }
      return out;
    }
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(dialect.sequenceNamesQuery())) {
      ps.setString(1, catalogSchema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    for (String n : names) {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery(dialect.sequenceIncrementQuery(catalogSchema, n))) {
        rs.next();
        out.add(new SequenceDef(schema, name(n), (int) rs.getLong(1)));
      }
    }
    return out;
  }

  private void addSequences(PreparedStatement ps, List<SequenceDef> out) throws SQLException {
    ps.setString(1, catalogSchema);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new SequenceDef(schema, name(rs.getString(1)), (int) rs.getLong(2)));
      }
    }
  }

  // --- SQLite -----------------------------------------------------------------------------

  private TableModel sqliteTable(String table) throws SQLException {
    String createSql;
    try (PreparedStatement ps = connection.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        createSql = rs.getString(1);
      }
    }
    SqliteCreateTable parsed = SqliteCreateTable.parse(createSql);
    String q = table.replace("'", "''");

    List<String[]> raw = new ArrayList<>();
    Map<Integer, String> pkBySeq = new TreeMap<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info('" + q + "')")) {
      while (rs.next()) {
        String column = rs.getString("name");
        raw.add(new String[] {column, rs.getString("type"), rs.getString("notnull"), rs.getString("dflt_value"),
            rs.getString("pk")});
        if (rs.getInt("pk") > 0) {
          pkBySeq.put(rs.getInt("pk"), column);
        }
      }
    }
    List<String> pk = new ArrayList<>(pkBySeq.values());
    boolean autoIncrement = createSql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT") && pk.size() == 1;

    // Unique constraints and indexes.
    List<UniqueDef> uniques = new ArrayList<>();
    List<IndexDef> indexes = new ArrayList<>();
    Set<String> uniqueFlags = new HashSet<>();
    List<String[]> indexList = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA index_list('" + q + "')")) {
      while (rs.next()) {
        indexList.add(new String[] {rs.getString("name"), rs.getString("unique"), rs.getString("origin")});
      }
    }
    for (String[] ix : indexList) {
      List<String> cols = new ArrayList<>();
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA index_info('" + ix[0].replace("'", "''") + "')")) {
        Map<Integer, String> bySeq = new TreeMap<>();
        while (rs.next()) {
          bySeq.put(rs.getInt("seqno"), rs.getString("name"));
        }
        cols.addAll(bySeq.values());
      }
      if ("c".equals(ix[2])) {
        indexes.add(new IndexDef(ix[0], cols, "1".equals(ix[1])));
      } else if ("u".equals(ix[2])) {
        String constraint = parsed.uniqueNames.get(cols);
        if (constraint == null && cols.size() == 1) {
          uniqueFlags.add(cols.get(0));
        } else {
          uniques.add(new UniqueDef(constraint, cols));
        }
      }
    }

    // DDL adds CHECK (length(col) <= n) where SQLite would not enforce a declared length: the
    // length of a BLOB's binary(n) is only there.
    Map<String, Integer> lengthChecks = new HashMap<>();
    List<CheckDef> checks = new ArrayList<>();
    for (CheckDef c : parsed.checks) {
      Matcher m = LENGTH_CHECK.matcher(c.sql());
      if (c.name() == null && m.matches()) {
        String col = m.group(1).startsWith("\"") ? m.group(1).substring(1, m.group(1).length() - 1).replace("\"\"", "\"")
            : m.group(1);
        lengthChecks.put(col, Integer.parseInt(m.group(2)));
      } else {
        checks.add(c);
      }
    }
    List<ColumnModel> columns = new ArrayList<>();
    for (String[] c : raw) {
      Matcher m = DECLARED_TYPE.matcher(c[1]);
      SqlType<?> type = null;
      if (m.matches()) {
        int a = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int b = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        type = dialect.typeFromCatalog(m.group(1), a, a, b);
      }
      if (type == null) {
        throw new SchemaException("table " + table + ", column " + c[0] + ": the SQLite type '" + c[1]
            + "' has no Quarry type to read it as");
      }
      Integer checkedLength = lengthChecks.get(c[0]);
      if (checkedLength != null && type.kind() == dev.quarry.types.TypeKind.BINARY && type.length() == 0) {
        type = type.withLength(checkedLength);
      }
      boolean inPk = pk.contains(c[0]);
      boolean auto = autoIncrement && inPk;
      columns.add(new ColumnModel(c[0], type, !"1".equals(c[2]) && !inPk, auto, uniqueFlags.contains(c[0]),
          auto ? null : dialect.defaultFromCatalog(c[3])));
    }

    // Foreign keys: PRAGMA for the columns and actions, the CREATE TABLE text for the names.
    Map<Integer, List<String[]>> fkRows = new TreeMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA foreign_key_list('" + q + "')")) {
      while (rs.next()) {
        fkRows.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>()).add(new String[] {
            String.format("%05d", rs.getInt("seq")), rs.getString("table"), rs.getString("from"), rs.getString("to"),
            rs.getString("on_delete"), rs.getString("on_update")});
      }
    }
    List<ForeignKey> fks = new ArrayList<>();
    for (List<String[]> rows : fkRows.values()) {
      rows.sort((a, b) -> a[0].compareTo(b[0]));
      List<String> from = rows.stream().map(r -> r[2]).toList();
      String[] h = rows.get(0);
      fks.add(new ForeignKey(parsed.foreignKeyNames.get(from), from, null, h[1], rows.stream().map(r -> r[3]).toList(),
          sqliteAction(h[4]), sqliteAction(h[5])));
    }

    return new TableModel(null, table, columns, pk, fks, uniques, checks, indexes);
  }

  private static ReferentialAction sqliteAction(String action) {
    switch (action == null ? "" : action.toUpperCase(Locale.ROOT)) {
      case "CASCADE":
        return ReferentialAction.CASCADE;
      case "SET NULL":
        return ReferentialAction.SET_NULL;
      case "SET DEFAULT":
        return ReferentialAction.SET_DEFAULT;
      case "RESTRICT":
        return ReferentialAction.RESTRICT;
      default:
        return ReferentialAction.DEFAULT;
    }
  }

  // --- names ------------------------------------------------------------------------------

  private String name(String catalogName) {
    return dialect.modelName(catalogName);
  }

  private String catalog() throws SQLException {
    return dialect.schemaIsCatalog() ? catalogSchema : null;
  }

  private String metaSchema() {
    return dialect.schemaIsCatalog() ? null : catalogSchema;
  }
}
