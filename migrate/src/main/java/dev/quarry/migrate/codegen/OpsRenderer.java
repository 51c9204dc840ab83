package dev.quarry.migrate.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.quarry.schema.ColumnModel;
import dev.quarry.schema.SchemaChange;
import dev.quarry.schema.TableModel;
import dev.quarry.sql.CheckDef;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.Table;
import dev.quarry.sql.UniqueDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each {@link SchemaChange} as the {@code op.xxx(...)} call that records it again, so that running a
 * written revision reproduces the changes it was written from; comments for what a reader must know
 * (data dropped, types written as their storage).
 */
final class OpsRenderer {
  private static final ClassName TABLE = ClassName.get(Table.class);
  private static final ClassName COLUMN_SPEC = ClassName.get(ColumnSpec.class);
  private static final ClassName ACTION = ClassName.get(ReferentialAction.class);
  private static final ClassName CONSTRAINT_KIND = ClassName.get(SchemaChange.ConstraintKind.class);

  private OpsRenderer() {}

  /** The statements of one method body: a comment then a call per change, or "nothing to do". */
  static CodeBlock body(List<SchemaChange> changes, List<String> notes) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (String note : notes) {
      comment(b, "note: " + note);
    }
    if (changes.isEmpty()) {
      comment(b, "nothing to do");
    }
    for (SchemaChange change : changes) {
      if (change.dropsData()) {
        comment(b, "drops data: " + change.describe());
      }
      for (String note : typeNotes(change)) {
        comment(b, note);
      }
      b.addStatement("$L", call(change));
    }
    return b.build();
  }

  private static void comment(CodeBlock.Builder b, String text) {
    for (String line : text.split("\\R")) {
      b.add("// $L\n", line);
    }
  }

  private static List<String> typeNotes(SchemaChange change) {
    List<String> notes = new ArrayList<>();
    List<ColumnModel> columns = List.of();
    if (change instanceof SchemaChange.CreateTable c) {
      columns = c.table().columns();
    } else if (change instanceof SchemaChange.AddColumn c) {
      columns = List.of(c.column());
    }
    for (ColumnModel c : columns) {
      String note = TypeRenderer.note(c.type());
      if (note != null) {
        notes.add(c.name() + ": " + note);
      }
    }
    if (change instanceof SchemaChange.AlterColumnType a && TypeRenderer.note(a.type()) != null) {
      notes.add(a.column() + ": " + TypeRenderer.note(a.type()));
    }
    return notes;
  }

  static CodeBlock call(SchemaChange change) {
    if (change instanceof SchemaChange.CreateTable c) {
      return CodeBlock.of("op.createTable($L)", table(c.table()));
    }
    if (change instanceof SchemaChange.DropTable c) {
      return CodeBlock.of("$L.dropTable($S)", op(c.schema()), c.table());
    }
    if (change instanceof SchemaChange.RenameTable c) {
      return CodeBlock.of("$L.renameTable($S, $S)", op(c.schema()), c.table(), c.newName());
    }
    if (change instanceof SchemaChange.AddColumn c) {
      return CodeBlock.of("$L.addColumn($S, $L)", op(c.schema()), c.table(),
          column(c.column(), false));
    }
    if (change instanceof SchemaChange.DropColumn c) {
      return CodeBlock.of("$L.dropColumn($S, $S)", op(c.schema()), c.table(), c.column());
    }
    if (change instanceof SchemaChange.RenameColumn c) {
      return CodeBlock.of("$L.renameColumn($S, $S, $S)", op(c.schema()), c.table(),
          c.column(), c.newName());
    }
    if (change instanceof SchemaChange.AlterColumnType c) {
      return CodeBlock.of("$L.alterColumnType($S, $S, $L)", op(c.schema()), c.table(),
          c.column(), TypeRenderer.render(c.type()));
    }
    if (change instanceof SchemaChange.AlterColumnNullable c) {
      return CodeBlock.of("$L.alterColumnNullable($S, $S, $L)", op(c.schema()),
          c.table(), c.column(), c.nullable());
    }
    if (change instanceof SchemaChange.AlterColumnDefault c) {
      return CodeBlock.of("$L.alterColumnDefault($S, $S, $L)", op(c.schema()),
          c.table(), c.column(), c.serverDefault() == null ? CodeBlock.of("null") : CodeBlock.of("$S", c.serverDefault()));
    }
    if (change instanceof SchemaChange.CreateIndex c) {
      return CodeBlock.of("$L.$N($S, $S, $L)", op(c.schema()),
          c.index().unique() ? "createUniqueIndex" : "createIndex", c.index().name(), c.table(),
          strings(c.index().columns()));
    }
    if (change instanceof SchemaChange.DropIndex c) {
      return CodeBlock.of("$L.dropIndex($S, $S)", op(c.schema()), c.name(), c.table());
    }
    if (change instanceof SchemaChange.AddUnique c) {
      return CodeBlock.of("$L.createUniqueConstraint($S, $S, $L)", op(c.schema()),
          c.unique().name(), c.table(), strings(c.unique().columns()));
    }
    if (change instanceof SchemaChange.AddForeignKey c) {
      return foreignKey(c);
    }
    if (change instanceof SchemaChange.AddCheck c) {
      return CodeBlock.of("$L.createCheckConstraint($S, $S, $S)", op(c.schema()),
          c.check().name(), c.table(), c.check().sql());
    }
    if (change instanceof SchemaChange.DropConstraint c) {
      return CodeBlock.of("$L.dropConstraint($S, $S, $T.$N)", op(c.schema()), c.name(),
          c.table(), CONSTRAINT_KIND, c.kind().name());
    }
    if (change instanceof SchemaChange.CreateSequence c) {
      return CodeBlock.of("$L.createSequence($S, $L)", op(c.sequence().schema()),
          c.sequence().name(), c.sequence().allocationSize());
    }
    if (change instanceof SchemaChange.DropSequence c) {
      return CodeBlock.of("$L.dropSequence($S)", op(c.schema()), c.name());
    }
    if (change instanceof SchemaChange.AlterSequence c) {
      return CodeBlock.of("$L.alterSequence($S, $L)", op(c.schema()), c.name(),
          c.incrementBy());
    }
    if (change instanceof SchemaChange.CreateEnumType c) {
      return CodeBlock.of("$L.createEnumType($S, $L)", op(c.schema()), c.name(),
          strings(c.values()));
    }
    if (change instanceof SchemaChange.DropEnumType c) {
      return CodeBlock.of("$L.dropEnumType($S)", op(c.schema()), c.name());
    }
    if (change instanceof SchemaChange.ExecuteSql c) {
      return CodeBlock.of("op.execute($S)", c.sql());
    }
    if (change instanceof SchemaChange.InsertRows c) {
      return CodeBlock.of("$L.bulkInsert($S, $T.of($L))", op(c.schema()), c.table(),
          List.class, c.rows().stream().map(OpsRenderer::row).collect(CodeBlock.joining(",")));
    }
    throw new IllegalArgumentException("no op call for " + change);
  }

  /** {@code op}, or {@code op.schema("s")} for a change in a named schema. */
  private static CodeBlock op(String schema) {
    return schema == null ? CodeBlock.of("op") : CodeBlock.of("op.schema($S)", schema);
  }

  private static CodeBlock table(TableModel t) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (t.schema() == null) {
      b.add("$T.builder($S)", TABLE, t.name());
    } else {
      b.add("$T.builder($S, $S)", TABLE, t.schema(), t.name());
    }
    for (ColumnModel c : t.columns()) {
      b.add("\n.column($L)", column(c, t.primaryKey().contains(c.name())));
    }
    for (ForeignKey fk : t.foreignKeys()) {
      b.add("\n.foreignKey($S, $L, $L, $S, $L, $T.$N, $T.$N)", fk.name(), list(fk.columns()),
          fk.targetSchema() == null ? CodeBlock.of("null") : CodeBlock.of("$S", fk.targetSchema()), fk.targetTable(),
          list(fk.targetColumns()), ACTION, fk.onDelete().name(), ACTION, fk.onUpdate().name());
    }
    for (UniqueDef u : t.uniques()) {
      b.add("\n.unique($S, $L)", u.name(), strings(u.columns()));
    }
    for (CheckDef c : t.checks()) {
      b.add("\n.check($S, $S)", c.name(), c.sql());
    }
    for (IndexDef i : t.indexes()) {
      b.add("\n.index($S, $L, $L)", i.name(), i.unique(), strings(i.columns()));
    }
    return b.add("\n.build()").build();
  }

  private static CodeBlock column(ColumnModel c, boolean primaryKey) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.of($S, $L)", COLUMN_SPEC, c.name(), TypeRenderer.render(c.type()));
    if (primaryKey) {
      b.add(".primaryKey()");
    } else if (!c.nullable()) {
      b.add(".notNull()");
    }
    if (c.autoIncrement()) {
      b.add(".autoIncrement()");
    }
    if (c.unique() && !primaryKey) {
      b.add(".unique()");
    }
    if (c.serverDefault() != null) {
      b.add(".serverDefault($S)", c.serverDefault());
    }
    return b.build();
  }

  private static CodeBlock foreignKey(SchemaChange.AddForeignKey c) {
    ForeignKey fk = c.foreignKey();
    CodeBlock target = CodeBlock.of("");
    if (fk.targetSchema() != null && !fk.targetSchema().equals(c.schema())) {
      // Ops names the target in the table's own schema: say so rather than drop the difference silently.
      target = CodeBlock.of("/* target schema $L */ ", fk.targetSchema());
    }
    if (fk.columns().size() == 1 && fk.onDelete() == ReferentialAction.DEFAULT
        && fk.onUpdate() == ReferentialAction.DEFAULT) {
      return CodeBlock.of("$L.createForeignKey($S, $S, $S, $L$S, $S)", op(c.schema()), fk.name(), c.table(),
          fk.columns().get(0), target, fk.targetTable(), fk.targetColumns().get(0));
    }
    return CodeBlock.of("$L.createForeignKey($S, $S, $L, $L$S, $L, $T.$N, $T.$N)", op(c.schema()), fk.name(), c.table(),
        list(fk.columns()), target, fk.targetTable(), list(fk.targetColumns()), ACTION, fk.onDelete().name(), ACTION,
        fk.onUpdate().name());
  }

  private static CodeBlock strings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
  }

  private static CodeBlock list(List<String> values) {
    return CodeBlock.of("$T.of($L)", List.class, strings(values));
  }

  /** A row as {@code Map.of(...)}; a NULL value is left out (the column is then inserted as NULL or its default). */
  private static CodeBlock row(Map<String, Object> row) {
    List<CodeBlock> entries = new ArrayList<>();
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (e.getValue() != null) {
        entries.add(CodeBlock.of("$T.entry($S, $L)", Map.class, e.getKey(), value(e.getValue())));
      }
    }
    return CodeBlock.of("\n$T.ofEntries($L)", Map.class, CodeBlock.join(entries, ", "));
  }

  static CodeBlock value(Object v) {
    if (v instanceof String s) {
      return CodeBlock.of("$S", s);
    }
    if (v instanceof Boolean x) {
      return CodeBlock.of("$L", x);
    }
    if (v instanceof Integer x) {
      return CodeBlock.of("$L", x);
    }
    if (v instanceof Long x) {
      return CodeBlock.of("$LL", x);
    }
    if (v instanceof Short x) {
      return CodeBlock.of("(short) $L", x);
    }
    if (v instanceof Byte x) {
      return CodeBlock.of("(byte) $L", x);
    }
    if (v instanceof Double x) {
      return CodeBlock.of("$Ld", x);
    }
    if (v instanceof Float x) {
      return CodeBlock.of("$Lf", x);
    }
    if (v instanceof Character x) {
      return CodeBlock.of("$S.charAt(0)", String.valueOf(x));
    }
    if (v instanceof BigDecimal x) {
      return CodeBlock.of("new $T($S)", BigDecimal.class, x.toPlainString());
    }
    if (v instanceof BigInteger x) {
      return CodeBlock.of("new $T($S)", BigInteger.class, x.toString());
    }
    if (v instanceof LocalDate x) {
      return CodeBlock.of("$T.parse($S)", LocalDate.class, x.toString());
    }
    if (v instanceof LocalTime x) {
      return CodeBlock.of("$T.parse($S)", LocalTime.class, x.toString());
    }
    if (v instanceof LocalDateTime x) {
      return CodeBlock.of("$T.parse($S)", LocalDateTime.class, x.toString());
    }
    if (v instanceof OffsetDateTime x) {
      return CodeBlock.of("$T.parse($S)", OffsetDateTime.class, x.toString());
    }
    if (v instanceof Instant x) {
      return CodeBlock.of("$T.parse($S)", Instant.class, x.toString());
    }
    if (v instanceof UUID x) {
      return CodeBlock.of("$T.fromString($S)", UUID.class, x.toString());
    }
    // Anything else has no literal here: written as its text, with a comment to check it.
    return CodeBlock.of("/* a $L, written as its text: check it */ $S", v.getClass().getName(), v.toString());
  }
}
