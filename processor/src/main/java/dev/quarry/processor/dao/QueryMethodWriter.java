package dev.quarry.processor.dao;

import static dev.quarry.processor.dao.DaoImplWriter.CHECKED;
import static dev.quarry.processor.dao.DaoImplWriter.LIST;
import static dev.quarry.processor.dao.DaoImplWriter.OPTIONAL;
import static dev.quarry.processor.dao.DaoImplWriter.PARAMETER;
import static dev.quarry.processor.dao.DaoImplWriter.ROW;
import static dev.quarry.processor.dao.DaoImplWriter.SELECT;
import static dev.quarry.processor.dao.DaoImplWriter.SQL;
import static dev.quarry.processor.dao.DaoImplWriter.SQL_TYPES;
import static dev.quarry.processor.dao.DaoImplWriter.SUPPORT;
import static dev.quarry.processor.dao.DaoImplWriter.TEMPLATE;
import static dev.quarry.processor.dao.DaoImplWriter.TEXT_QUERY;
import static dev.quarry.processor.dao.DaoImplWriter.countLike;
import static dev.quarry.processor.dao.DaoImplWriter.override;
import static dev.quarry.processor.dao.DaoImplWriter.pageOf;
import static dev.quarry.processor.dao.DaoImplWriter.readerName;
import static dev.quarry.processor.dao.DaoImplWriter.table;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.Naming;
import dev.quarry.processor.dao.DaoModel.EntityRead;
import dev.quarry.processor.dao.DaoModel.NoRows;
import dev.quarry.processor.dao.DaoModel.Param;
import dev.quarry.processor.dao.DaoModel.Query;
import dev.quarry.processor.dao.DaoModel.RecordRead;
import dev.quarry.processor.dao.DaoModel.ScalarRead;
import dev.quarry.processor.dao.DaoModel.Wrap;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.ValueKind;
import dev.quarry.processor.query.SqlPart;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code @Query} methods of a {@code @Dao} implementation: the checked statement as a
 * constant, its parameters bound, its rows read into entities, records or single values.
 */
final class QueryMethodWriter {
  private QueryMethodWriter() {}

  static void query(TypeSpec.Builder type, DaoModel dao, Query q) {
    MethodSpec.Builder b = override(q);
    queryBody(type, dao, q, b);
    type.addMethod(b.build());
  }

  private static void queryBody(TypeSpec.Builder type, DaoModel dao, Query q, MethodSpec.Builder b) {
    String constant = Naming.constantName(q.name());
    String what = dao.type().simpleName() + "." + q.name();
    if (q.checked() != null) {
      StringBuilder jdbc = new StringBuilder();
      CodeBlock.Builder template = CodeBlock.builder().add("$T.builder()", CHECKED);
      for (SqlPart part : q.checked().parts()) {
        if (part instanceof SqlPart.Text t) {
          jdbc.append(t.sql());
          template.add("\n    .text($S$L)", t.sql(), names(t.parameters()));
        } else if (part instanceof SqlPart.OptionalCondition o) {
          jdbc.append("[").append(o.sql()).append(" | 1 = 1 when ").append(o.parameter()).append(" is null]");
          template.add("\n    .optional($S, $S$L)", o.parameter(), o.sql(), names(o.parameters()));
        }
      }
      for (int i = 0; i < q.resultTypes().size(); i++) {
        template.add("\n    .column($S, $L)", q.resultLabels().get(i), q.resultTypes().get(i));
      }
      if (q.dml() && q.changed() != null) {
        template.add("\n    .changes($L, $L)", table(q.changed()), q.changesExistingRows());
      }
      template.add("\n    .build()");
      type.addField(FieldSpec.builder(TEMPLATE, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The checked statement of {@link #$L}.\n", q.name())
          .initializer(template.build()).build());
      b.addJavadoc("Runs the checked query\n<pre>{@code $L}</pre>\nas\n<pre>{@code $L}</pre>\n",
          javadocSafe(q.sql()), javadocSafe(jdbc.toString()));
      List<CodeBlock> values = new ArrayList<>();
      // a page's last two parameters (page number and size) are not the SQL's
      for (Param p : q.wrap() == Wrap.PAGE ? q.params().subList(0, q.params().size() - 2) : q.params()) {
        values.add(parameter(p));
      }
      b.addStatement("$T statement = $N.bind($L)", CHECKED, constant, CodeBlock.join(values, ",\n    "));
    } else {
      b.addJavadoc("Runs, unchecked ({@code @SkipQueryVerification}), with its parameters bound by name:\n"
          + "<pre>{@code $L}</pre>\n", javadocSafe(q.sql()));
      CodeBlock.Builder text = CodeBlock.builder().add("$T.text($S)", SQL, q.sql());
      List<String> used = QueryParser.namedParameters(q.sql());
      for (Param p : q.params()) {
        if (used.contains(p.name())) {
          CodeBlock t = sqlTypeOf(p.type());
          text.add(t == null ? CodeBlock.of("\n    .bind($S, $N)", p.name(), p.name())
              : CodeBlock.of("\n    .bind($S, $N, $L)", p.name(), p.name(), t));
        }
      }
      b.addStatement("$T statement = $L", TEXT_QUERY, text.build());
    }
    if (q.wrap() == Wrap.STREAM) {
      b.addJavadoc("\n<p>The stream holds a cursor (and on an engine a pooled connection) until closed: use it in "
          + "try-with-resources.\n");
    }
    if (q.wrap() == Wrap.PAGE) {
      queryPage(type, dao, q, b);
      return;
    }
    boolean expireAll = q.dml() && (q.checked() == null || q.changed() == null);
    if (q.read() instanceof NoRows) {
      if (expireAll) {
        b.beginControlFlow("if (session != null)")
            .addStatement("long count = $T.update(session.execute(statement))", SUPPORT)
            .addComment("the statement may have changed rows of any loaded object").addStatement("session.expireAll()")
            .addStatement(q.wrap() == Wrap.VOID ? "return" : q.wrap() == Wrap.INT ? "return $T.toInt(count)"
                : "return count", SUPPORT)
            .endControlFlow();
        b.addStatement(q.wrap() == Wrap.VOID ? "$T.update(db, statement)" : q.wrap() == Wrap.INT
            ? "return $T.toInt($T.update(db, statement))" : "return $T.update(db, statement)", SUPPORT, SUPPORT);
      } else {
        countLike(b, q.wrap(), "update");
      }
      return;
    }
    if (q.read() instanceof EntityRead er) {
      EntityModel e = er.entity();
      CodeBlock reader = er.positions() == null
          ? CodeBlock.of("$T.entityReaderByLabels($T.INSTANCE)", SUPPORT, e.mappingType())
          : identity(er.positions(), q.resultTypes().size()) ? CodeBlock.of("$N", readerName(e))
          : CodeBlock.of("$T.entityReader($T.INSTANCE, new int[] {$L})", SUPPORT, e.mappingType(),
              ints(er.positions()));
      CodeBlock list = CodeBlock.of("session != null ? session.fromStatement($T.class, statement)\n    : $T.list(db, "
          + "statement, $L)", e.type(), SUPPORT, reader);
      switch (q.wrap()) {
        case LIST -> b.addStatement("return $L", list);
        case STREAM -> b.addStatement("return session != null ? session.fromStatement($T.class, statement).stream()\n"
            + "    : $T.stream(db, statement, $L)", e.type(), SUPPORT, reader);
        case OPTIONAL -> b.addStatement("$T<$T> found = $L", LIST, e.type(), list)
            .addStatement("return $T.ofNullable($T.single(found, $S))", OPTIONAL, SUPPORT, what);
        default -> b.addStatement("$T<$T> found = $L", LIST, e.type(), list)
            .addStatement("return $T.single(found, $S)", SUPPORT, what);
      }
      return;
    }
    RowRead rowRead = rowRead(type, dao, q);
    TypeName element = rowRead.element();
    CodeBlock mapper = rowRead.mapper();
    if (q.wrap() == Wrap.STREAM) {
      b.addStatement("return (session != null ? session.execute(statement).stream() : $T.rowStream(db, statement))"
          + "\n    .map($L)", SUPPORT, mapper);
      return;
    }
    b.addStatement("$T<$T> found = session != null ? $T.rows(session.execute(statement), $L)\n    : $T.rows(db, "
        + "statement, $L)", LIST, element, SUPPORT, mapper, SUPPORT, mapper);
    if (expireAll) {
      b.beginControlFlow("if (session != null)")
          .addComment("the statement may have changed rows of any loaded object").addStatement("session.expireAll()")
          .endControlFlow();
    }
    switch (q.wrap()) {
      case LIST -> b.addStatement("return found");
      case OPTIONAL -> b.addStatement("return $T.ofNullable($T.single(found, $S))", OPTIONAL, SUPPORT, what);
      default -> {
        if (q.returnType().isPrimitive()) {
          b.addStatement("return $T.required($T.single(found, $S), $S)", SUPPORT, SUPPORT, what, what);
        } else {
          b.addStatement("return $T.single(found, $S)", SUPPORT, what);
        }
      }
    }
  }

  /** Adds the method reading a record from a row of {@code q}; returns a reference to it. */
  private static CodeBlock recordMapper(TypeSpec.Builder type, DaoModel dao, Query q, RecordRead rr) {
    String reader = "read" + Naming.capitalize(q.name());
    MethodSpec.Builder r = MethodSpec.methodBuilder(reader).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(rr.record()).addParameter(ROW, "row")
        .addJavadoc("A {@link $T} from a row of {@link #$L}.\n", rr.record(), q.name());
    List<CodeBlock> args = new ArrayList<>();
    for (DaoModel.ColumnRead c : rr.components()) {
      args.add(read(c));
    }
    r.addStatement("return new $T($L)", rr.record(), CodeBlock.join(args, ",\n    "));
    type.addMethod(r.build());
    return CodeBlock.of("$T::$N", ClassName.get("", dao.implType().simpleName()), reader);
  }

  /** A checked query returning a page: counted as {@code SELECT COUNT(*) FROM (…)}, paged as the dialect says. */
  private static void queryPage(TypeSpec.Builder type, DaoModel dao, Query q, MethodSpec.Builder b) {
    b.addJavadoc("\n<p>Returns a page: counts the rows with {@code SELECT COUNT(*) FROM (…) counted}, then reads "
        + "the page's rows with the dialect's LIMIT/OFFSET after the query (none past the last row).\n");
    String page = q.params().get(q.params().size() - 2).name();
    String size = q.params().get(q.params().size() - 1).name();
    b.addStatement("$T countStatement = statement.counting()", CHECKED);
    String rows = "statement.paged($N, pageOffset)";
    if (q.read() instanceof EntityRead er) {
      EntityModel e = er.entity();
      CodeBlock reader = identity(er.positions(), q.resultTypes().size()) ? CodeBlock.of("$N", readerName(e))
          : CodeBlock.of("$T.entityReader($T.INSTANCE, new int[] {$L})", SUPPORT, e.mappingType(),
              ints(er.positions()));
      pageOf(b, e.type(), page, size, rows, CHECKED, CodeBlock.of("session != null ? session.fromStatement($T.class, "
          + "pageRows)\n    : $T.list(db, pageRows, $L)", e.type(), SUPPORT, reader));
      return;
    }
    RowRead rowRead = rowRead(type, dao, q);
    TypeName element = rowRead.element();
    CodeBlock mapper = rowRead.mapper();
    pageOf(b, element, page, size, rows, CHECKED, CodeBlock.of("session != null ? $T.rows(session.execute(pageRows), "
        + "$L)\n    : $T.rows(db, pageRows, $L)", SUPPORT, mapper, SUPPORT, mapper));
  }

  /** What a record or single-value result's rows become, and the mapper that reads one. */
  private record RowRead(TypeName element, CodeBlock mapper) {}

  private static RowRead rowRead(TypeSpec.Builder type, DaoModel dao, Query q) {
    if (q.read() instanceof RecordRead rr) {
      return new RowRead(rr.record(), recordMapper(type, dao, q, rr));
    }
    DaoModel.ColumnRead c = ((ScalarRead) q.read()).column();
    return new RowRead(c.javaType().box(), CodeBlock.of("row -> $L", read(c)));
  }

  private static CodeBlock read(DaoModel.ColumnRead c) {
    boolean any = c.sqlType().toString().endsWith("SqlTypes.ANY");
    CodeBlock at = c.index() >= 0 ? CodeBlock.of("$L", c.index()) : CodeBlock.of("$S", c.label());
    return any ? CodeBlock.of("($T) row.get($L)", c.javaType(), at) : CodeBlock.of("row.get($L, $L)", at, c.sqlType());
  }

  private static boolean identity(int[] positions, int columns) {
    if (positions.length != columns) {
      return false;
    }
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] != i + 1) {
        return false;
      }
    }
    return true;
  }

  private static String ints(int[] values) {
    StringBuilder s = new StringBuilder();
    for (int v : values) {
      s.append(s.length() == 0 ? "" : ", ").append(v);
    }
    return s.toString();
  }

  private static CodeBlock names(List<String> names) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (String n : names) {
      b.add(", $S", n);
    }
    return b.build();
  }

  private static CodeBlock parameter(Param p) {
    TypeName t = p.type();
    if (t instanceof ParameterizedTypeName pt && pt.typeArguments().size() == 1) {
      t = pt.typeArguments().get(0); // a collection: each element is bound with the element's type
    }
    CodeBlock sqlType = sqlTypeOf(t);
    return sqlType == null ? CodeBlock.of("$T.of($S, $N)", PARAMETER, p.name(), p.name())
        : CodeBlock.of("new $T($S, $N, $L)", PARAMETER, p.name(), p.name(), sqlType);
  }

  private static CodeBlock sqlTypeOf(TypeName t) {
    ValueKind kind = ValueKind.forTypeName(t.box().toString());
    return kind == null || kind.sqlTypesConstant() == null ? null : CodeBlock.of("$T.$L", SQL_TYPES,
        kind.sqlTypesConstant());
  }

  private static String javadocSafe(String sql) {
    return sql.replace("*/", "*&#47;");
  }
}
