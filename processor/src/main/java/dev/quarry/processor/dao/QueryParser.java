package dev.quarry.processor.dao;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.Diagnostics;
import dev.quarry.processor.Errors;
import dev.quarry.processor.Mirrors;
import dev.quarry.processor.dao.DaoModel.ColumnRead;
import dev.quarry.processor.dao.DaoModel.EntityRead;
import dev.quarry.processor.dao.DaoModel.NoRows;
import dev.quarry.processor.dao.DaoModel.Param;
import dev.quarry.processor.dao.DaoModel.Query;
import dev.quarry.processor.dao.DaoModel.Read;
import dev.quarry.processor.dao.DaoModel.RecordRead;
import dev.quarry.processor.dao.DaoModel.ScalarRead;
import dev.quarry.processor.dao.DaoModel.Wrap;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.ValueKind;
import dev.quarry.processor.catalog.CatalogBuilder;
import dev.quarry.processor.query.CheckedQuery;
import dev.quarry.processor.query.QueryChecker;
import dev.quarry.processor.query.ResultColumn;
import dev.quarry.processor.writer.MetamodelWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * A {@code @Query} method: checks its SQL with {@link QueryChecker} (each problem a compile error on
 * the annotation's value), or notes that it is unchecked ({@code @SkipQueryVerification}), and maps
 * the result columns to the return type.
 */
final class QueryParser {
  static final String SKIP = "dev.quarry.annotation.SkipQueryVerification";
  private static final ClassName SQL_TYPES = ClassName.get("dev.quarry.types", "SqlTypes");
  private static final Pattern WRITTEN_TABLE = Pattern.compile(
      "(?is)\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+([\\w.\"`]+)");
  private static final Pattern NAMED = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

  private final ProcessingEnvironment env;
  private final Types types;

  QueryParser(ProcessingEnvironment env) {
    this.env = env;
    this.types = env.getTypeUtils();
  }

  Optional<Query> parse(TypeElement dao, ExecutableElement m, String method, AnnotationMirror query, List<Param> params,
      Map<String, EntityModel> entities, List<EntityModel> models, Diagnostics diagnostics) {
    AnnotationValue value = Mirrors.explicitValue(query, "value");
    String sql = value == null ? "" : String.valueOf(value.getValue()).strip();
    if (sql.isEmpty()) {
      diagnostics.error(m, query, value, Errors.daoQueryEmpty(method));
      return Optional.empty();
    }
    AnnotationMirror skip = Mirrors.find(m, SKIP);
    boolean page = m.getReturnType().getKind() == TypeKind.DECLARED
        && new DaoParser(env).wrapOf(m.getReturnType()) == Wrap.PAGE;
    if (page) {
      if (skip != null) {
        diagnostics.error(m, skip, Errors.daoPageNotHere(method, "its SQL is not checked "
            + "(@SkipQueryVerification), and only checked SQL can be counted and paged; remove "
            + "@SkipQueryVerification, or return a List"));
        return Optional.empty();
      }
      if (!DaoParser.pageParameters(m, method, m.getReturnType(), diagnostics)) {
        return Optional.empty();
      }
      String clause = topLevelPaging(sql);
      if (clause != null) {
        diagnostics.error(m, query, value, Errors.daoPageQueryLimit(method, clause));
        return Optional.empty();
      }
    }
    int sqlParams = page ? params.size() - 2 : params.size();
    Map<String, String> parameterTypes = new LinkedHashMap<>();
    Set<String> optional = new LinkedHashSet<>();
    for (int i = 0; i < sqlParams; i++) {
      TypeMirror t = m.getParameters().get(i).asType();
      parameterTypes.put(params.get(i).name(), boxed(t).toString());
      if (params.get(i).dropIfNull()) {
        if (t.getKind().isPrimitive()) {
          diagnostics.error(m.getParameters().get(i), Errors.daoDropIfNullPrimitive(method, params.get(i).name(),
              t.toString()));
          return Optional.empty();
        }
        if (skip != null) {
          diagnostics.error(m.getParameters().get(i), Errors.daoDropIfNullNotHere(method, params.get(i).name(),
              "an unchecked query (@SkipQueryVerification) has no conditions the processor knows of; remove one "
              + "of the two annotations"));
          return Optional.empty();
        }
        optional.add(params.get(i).name());
      }
    }
    CheckedQuery checked = null;
    boolean dml;
    boolean changesExisting;
    List<ResultColumn> columns;
    if (skip != null) {
      AnnotationValue reason = Mirrors.explicitValue(skip, "value");
      env.getMessager().printMessage(Diagnostic.Kind.NOTE, Errors.daoQueryNote(method,
          reason == null ? "" : String.valueOf(reason.getValue())), m, skip);
      String first = sql.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
      dml = first.equals("INSERT") || first.equals("UPDATE") || first.equals("DELETE");
      changesExisting = dml && !first.equals("INSERT");
      columns = null;
    } else {
      try {
        checked = QueryChecker.check(sql, CatalogBuilder.of(env, models, dao), CatalogBuilder.dialects(env), parameterTypes,
            optional);
      } catch (RuntimeException | LinkageError ex) {
        diagnostics.error(m, query, value, Errors.daoCheckerFailed(method, ex));
        return Optional.empty();
      }
      if (page && checked.kind() != CheckedQuery.StatementKind.SELECT) {
        diagnostics.error(m, Errors.daoPageNotHere(method, "it runs an " + checked.kind() + ", and only a SELECT "
            + "reads pages; return int, long or void"));
        return Optional.empty();
      }
      if (!checked.problems().isEmpty()) {
        for (CheckedQuery.Problem p : checked.problems()) {
          diagnostics.error(m, query, value, p.message());
        }
        return Optional.empty();
      }
      dml = checked.kind() != CheckedQuery.StatementKind.SELECT;
      changesExisting = checked.kind() == CheckedQuery.StatementKind.UPDATE
          || checked.kind() == CheckedQuery.StatementKind.DELETE;
      columns = checked.columns();
    }
    EntityModel changed = dml ? writtenEntity(sql, models) : null;
    TypeMirror returns = m.getReturnType();
    String r = returns.toString();
    boolean returnsCount = r.equals("int") || r.equals("long") || r.equals("void");
    List<CodeBlock> resultTypes = new ArrayList<>();
    List<String> resultLabels = new ArrayList<>();
    Read read;
    Wrap wrap;
    if (dml && (returnsCount || columns != null && columns.isEmpty())) {
      if (!returnsCount) {
        diagnostics.error(m, Errors.daoQueryReturnType(method, "an " + checked.kind(), "int, long or void"));
        return Optional.empty();
      }
      read = new NoRows();
      wrap = r.equals("int") ? Wrap.INT : r.equals("long") ? Wrap.LONG : Wrap.VOID;
    } else {
      wrap = returns.getKind().isPrimitive() ? Wrap.ONE : new DaoParser(env).wrapOf(returns);
      TypeMirror element = wrap == Wrap.ONE ? returns : DaoParser.firstTypeArgument(returns);
      if (element == null || r.equals("void")) {
        diagnostics.error(m, Errors.daoUnreadableType(method, r));
        return Optional.empty();
      }
      read = read(m, method, element, columns, entities, models, resultTypes, resultLabels, diagnostics);
      if (read == null) {
        return Optional.empty();
      }
    }
    return Optional.of(new Query(m, params, TypeName.get(returns), wrap, sql, checked, dml, changesExisting, changed,
        read, resultTypes, resultLabels));
  }

  /**
   * The paging clause ({@code LIMIT}, {@code OFFSET}, {@code FETCH}) {@code sql} has outside
   * parentheses, quotes and comments, or null.
   */
  static String topLevelPaging(String sql) {
    int depth = 0;
    int n = sql.length();
    for (int i = 0; i < n; i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = sql.indexOf(c, i + 1);
        i = end < 0 ? n : end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
        int end = i;
        while (end < n && isWordChar(sql.charAt(end))) {
          end++;
        }
        String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
        if (word.equals("LIMIT") || word.equals("OFFSET") || word.equals("FETCH")) {
          return word;
        }
        i = end - 1;
      }
    }
    return null;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The parameter names used in unchecked SQL, in order of first use (approximate: quotes are not skipped). */
  static List<String> namedParameters(String sql) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = NAMED.matcher(sql);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return List.copyOf(names);
  }

  private Read read(ExecutableElement m, String method, TypeMirror element, List<ResultColumn> columns,
      Map<String, EntityModel> entities, List<EntityModel> models, List<CodeBlock> resultTypes,
      List<String> resultLabels, Diagnostics diagnostics) {
    TypeElement te = element.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(element) : null;
    EntityModel entity = te == null ? null : entities.get(te.getQualifiedName().toString());
    if (entity != null) {
      if (columns == null) {
        return new EntityRead(entity, null);
      }
      int[] positions = new int[entity.columns().size()];
      for (PropertyModel p : entity.columns()) {
        int at = indexOf(columns, p.columnName());
        if (at < 0) {
          diagnostics.error(m, Errors.daoMissingEntityColumn(method, entity.entityName(), p.columnName()));
          return null;
        }
        positions[p.index()] = at + 1;
      }
      for (ResultColumn c : columns) {
        PropertyModel p = column(entity, c.label());
        resultTypes.add(p != null ? columnType(entity, p) : CodeBlock.of("$T.ANY", SQL_TYPES));
        resultLabels.add(c.label());
      }
      return new EntityRead(entity, positions);
    }
    if (te != null && te.getKind() == ElementKind.RECORD) {
      List<ColumnRead> reads = new ArrayList<>();
      List<String> labels = columns == null ? List.of() : columns.stream().map(ResultColumn::label).toList();
      boolean[] used = new boolean[labels.size()];
      for (RecordComponentElement rc : te.getRecordComponents()) {
        String name = rc.getSimpleName().toString();
        TypeMirror type = rc.asType();
        if (columns == null) {
          reads.add(new ColumnRead(-1, name, TypeName.get(type), sqlType(boxed(type).toString(), name, models)));
          continue;
        }
        int at = indexOf(columns, name);
        if (at < 0) {
          diagnostics.error(m, Errors.daoMissingColumnForComponent(method, te.getSimpleName().toString(), name,
              labels));
          return null;
        }
        used[at] = true;
        ResultColumn c = columns.get(at);
        if (!compatible(boxed(type).toString(), c.javaType())) {
          diagnostics.error(m, Errors.daoComponentType(method, te.getSimpleName().toString(), name, type.toString(),
              c.label(), c.javaType()));
          return null;
        }
        if (c.nullable() && type.getKind().isPrimitive()) {
          diagnostics.error(m, Errors.daoNullableIntoPrimitive(method, "component '" + name + "' of "
              + te.getSimpleName(), c.label()));
          return null;
        }
        reads.add(new ColumnRead(at, c.label(), TypeName.get(type), sqlType(boxed(type).toString(), c.label(),
            models)));
      }
      for (int i = 0; i < used.length; i++) {
        if (!used[i]) {
          diagnostics.error(m, Errors.daoColumnWithoutComponent(method, te.getSimpleName().toString(), labels.get(i)));
          return null;
        }
      }
      if (columns != null) {
        CodeBlock[] byColumn = new CodeBlock[columns.size()];
        for (ColumnRead c : reads) {
          byColumn[c.index()] = c.sqlType();
        }
        resultTypes.addAll(List.of(byColumn));
        resultLabels.addAll(labels);
      }
      return new RecordRead(ClassName.get(te), reads);
    }
    String boxed = boxed(element).toString();
    boolean scalar = ValueKind.forTypeName(boxed) != null && ValueKind.forTypeName(boxed).sqlTypesConstant() != null
        || te != null && te.getKind() == ElementKind.ENUM;
    if (!scalar) {
      diagnostics.error(m, Errors.daoUnreadableType(method, element.toString()));
      return null;
    }
    if (columns == null) {
      return new ScalarRead(new ColumnRead(0, null, TypeName.get(element), sqlType(boxed, "", models)));
    }
    if (columns.size() != 1) {
      diagnostics.error(m, Errors.daoScalarColumns(method, element.toString(), columns.size()));
      return null;
    }
    ResultColumn c = columns.get(0);
    if (!compatible(boxed, c.javaType())) {
      diagnostics.error(m, Errors.daoComponentType(method, "of the method's result", "value", element.toString(),
          c.label(), c.javaType()).replace("component 'value' of record of the method's result", "the result type"));
      return null;
    }
    if (c.nullable() && m.getReturnType().getKind().isPrimitive()) {
      diagnostics.error(m, Errors.daoNullableIntoPrimitive(method, "its return type " + m.getReturnType(),
          c.label()));
      return null;
    }
    CodeBlock type = sqlType(boxed, c.label(), models);
    resultTypes.add(type);
    resultLabels.add(c.label());
    return new ScalarRead(new ColumnRead(0, c.label(), TypeName.get(element), type));
  }

  private static int indexOf(List<ResultColumn> columns, String name) {
    String wanted = normalize(name);
    for (int i = 0; i < columns.size(); i++) {
      if (normalize(columns.get(i).label()).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  /** Labels match components ignoring case and underscores: {@code first_name} is {@code firstName}. */
  private static String normalize(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static PropertyModel column(EntityModel entity, String label) {
    for (PropertyModel p : entity.columns()) {
      if (p.columnName().equalsIgnoreCase(label)) {
        return p;
      }
    }
    return null;
  }

  private static CodeBlock columnType(EntityModel e, PropertyModel p) {
    return CodeBlock.of("$T.$N.$L.type()", e.metamodelType(), MetamodelWriter.instanceName(e),
        MetamodelWriter.columnRef(p));
  }

  /** The type reading a column as {@code javaType}: an entity column's own type when one has that name and type. */
  private CodeBlock sqlType(String javaType, String label, List<EntityModel> models) {
    for (EntityModel e : models) {
      for (PropertyModel p : e.columns()) {
        if (p.columnName().equalsIgnoreCase(label) && p.valueType().toString().equals(javaType)
            && (e.inheritance() == null || e.inheritance().isRoot())) {
          return columnType(e, p);
        }
      }
    }
    ValueKind kind = ValueKind.forTypeName(javaType);
    if (kind != null && kind.sqlTypesConstant() != null) {
      return CodeBlock.of("$T.$L", SQL_TYPES, kind.sqlTypesConstant());
    }
    TypeElement te = env.getElementUtils().getTypeElement(javaType);
    if (te != null && te.getKind() == ElementKind.ENUM) {
      return CodeBlock.of("$T.enumByName($T.class, $T.values())", SQL_TYPES, ClassName.get(te), ClassName.get(te));
    }
    return CodeBlock.of("$T.ANY", SQL_TYPES);
  }

  /** Whether a column read as {@code column} fits a Java {@code target} (numbers convert among themselves). */
  private static boolean compatible(String target, String column) {
    if (target.equals(column)) {
      return true;
    }
    ValueKind a = ValueKind.forTypeName(target);
    ValueKind b = ValueKind.forTypeName(column);
    if (a == null || b == null) {
      return true; // enums, converted types: trusted
    }
    return family(a).equals(family(b));
  }

  private static String family(ValueKind k) {
    return switch (k) {
      case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, BIG_INTEGER -> "number";
      case STRING, CHAR -> "text";
      default -> k.name();
    };
  }

  private TypeMirror boxed(TypeMirror t) {
    return t.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) t).asType() : t;
  }

  private static EntityModel writtenEntity(String sql, List<EntityModel> models) {
    Matcher matcher = WRITTEN_TABLE.matcher(sql);
    if (!matcher.find()) {
      return null;
    }
    String table = matcher.group(2).replace("\"", "").replace("`", "");
    for (EntityModel e : models) {
      String qualified = e.schema().isEmpty() ? e.table() : e.schema() + "." + e.table();
      if ((qualified.equalsIgnoreCase(table) || e.table().equalsIgnoreCase(table))
          && (e.inheritance() == null || e.inheritance().isRoot())) {
        return e;
      }
    }
    return null;
  }
}
