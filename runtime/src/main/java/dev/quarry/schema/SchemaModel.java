package dev.quarry.schema;

import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole schema as a value: tables and sequences, each in a canonical order (by schema and
 * name), so that two models built from the same definitions in any order are equal. Built from
 * {@link Table}s ({@link #of}) or read from a live database ({@link Metadata#reflect}), so that a
 * migration can diff the two.
 *
 * @param tables the tables, ordered by schema then name
 * @param sequences the sequences, ordered by schema then name, without duplicates
 */
public record SchemaModel(List<TableModel> tables, List<SequenceDef> sequences) {
  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

  public SchemaModel {
    List<TableModel> t = new ArrayList<>(tables);
    t.sort(Comparator.comparing(TableModel::schema, NULLS_FIRST).thenComparing(TableModel::name));
    for (int i = 1; i < t.size(); i++) {
      if (t.get(i).qualifiedName().equals(t.get(i - 1).qualifiedName())) {
        throw new IllegalArgumentException("the schema has two tables named " + t.get(i).qualifiedName());
      }
    }
    tables = List.copyOf(t);
    Map<String, SequenceDef> unique = new LinkedHashMap<>();
    for (SequenceDef s : sequences) {
      SequenceDef previous = unique.putIfAbsent(s.schema() + "." + s.name(), s);
      if (previous != null && !previous.equals(s)) {
        throw new IllegalArgumentException("sequence " + s.name() + " is declared twice with different settings: "
            + previous + " and " + s);
      }
    }
    List<SequenceDef> seqs = new ArrayList<>(unique.values());
    seqs.sort(Comparator.comparing(SequenceDef::schema, NULLS_FIRST).thenComparing(SequenceDef::name));
    sequences = List.copyOf(seqs);
  }

  /** The model of these table definitions and the sequences they declare. */
  public static SchemaModel of(Iterable<? extends Table> tables) {
    List<TableModel> models = new ArrayList<>();
    List<SequenceDef> sequences = new ArrayList<>();
    for (Table t : tables) {
      models.add(TableModel.of(t));
      sequences.addAll(t.sequences());
    }
    return new SchemaModel(models, sequences);
  }

  /**
   * A {@link Table} for each table model ({@link TableModel#toTable()}), by qualified name in the
   * model's order: what {@link Metadata#reflectTables} gives, for Core statements on a schema read
   * from a live database.
   */
  public java.util.Map<String, Table> toTables() {
    Map<String, Table> out = new LinkedHashMap<>();
    for (TableModel t : tables) {
      out.put(t.qualifiedName(), t.toTable());
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The table of that name in the default schema, or null. */
  public TableModel table(String name) {
    return table(null, name);
  }

  /** The table of that schema and name, or null. */
  public TableModel table(String schema, String name) {
    for (TableModel t : tables) {
      if (Objects.equals(t.schema(), schema) && t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  /**
   * The model after {@code change} (what {@link SchemaChanges#statements} makes the database
   * become): used to write a migration's DDL without a database and to rebuild SQLite tables.
   * {@link SchemaChange.ExecuteSql} and {@link SchemaChange.InsertRows} leave the model as it is,
   * as do enum types, which the model does not hold.
   *
   * @throws IllegalArgumentException when the change names a table, column, index, constraint or
   *     sequence the model does not have (or creates one it has), or drops a column still in use
   */
  public SchemaModel apply(SchemaChange change) {
    return SchemaEdits.apply(this, java.util.Objects.requireNonNull(change, "change"));
  }
}
