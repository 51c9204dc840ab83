package dev.quarry.processor.catalog;

import dev.quarry.processor.Errors;
import dev.quarry.processor.model.ValueKind;
import dev.quarry.processor.query.CatalogColumn;
import dev.quarry.processor.query.CatalogTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads the {@code @QueryTable} declarations that apply to an element: its own, its enclosing
 * types' and its package's, innermost first, and reports what is wrong with them.
 */
final class DeclaredTables {
  static final String QUERY_TABLE = "dev.quarry.annotation.QueryTable";
  static final String QUERY_TABLES = "dev.quarry.annotation.QueryTables";

  private DeclaredTables() {}

  /** A declared table and where it was declared (for messages). */
  record Declared(CatalogTable table, Element element, AnnotationMirror mirror, AnnotationValue name) {}

  /** The valid declarations in scope of {@code declaring} (columns with errors left out), innermost first. */
  static List<Declared> collect(Element declaring, Reporter reporter) {
    List<Declared> out = new ArrayList<>();
    for (Element e = declaring; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement || e instanceof PackageElement) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
          String type = ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
          if (type.equals(QUERY_TABLE)) {
            read(e, a, reporter, out);
          } else if (type.equals(QUERY_TABLES)) {
            for (AnnotationMirror one : mirrors(value(a, "value"))) {
              read(e, one, reporter, out);
            }
          }
        }
      }
      if (e instanceof PackageElement) {
        break;
      }
    }
    return out;
  }

  private static void read(Element element, AnnotationMirror table, Reporter reporter, List<Declared> out) {
    AnnotationValue nameValue = value(table, "name");
    String name = nameValue == null || !(nameValue.getValue() instanceof String s) ? "" : s.trim();
    if (name.isEmpty()) {
      reporter.error(element, table, nameValue, Errors.declaredTableNoName());
      return;
    }
    List<AnnotationMirror> columnMirrors = mirrors(value(table, "columns"));
    if (columnMirrors.isEmpty()) {
      reporter.error(element, table, value(table, "columns"), Errors.declaredTableNoColumns(name));
      return;
    }
    List<CatalogColumn> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (AnnotationMirror column : columnMirrors) {
      AnnotationValue columnName = value(column, "name");
      String cname = columnName == null || !(columnName.getValue() instanceof String s) ? "" : s.trim();
      if (cname.isEmpty()) {
        reporter.error(element, column, columnName, Errors.declaredColumnNoName(name));
        continue;
      }
      if (!seen.add(TableResources.key(cname))) {
        reporter.error(element, column, columnName, Errors.declaredColumnTwice(name, cname));
        continue;
      }
      AnnotationValue typeValue = value(column, "type");
      TypeMirror type = typeValue != null && typeValue.getValue() instanceof TypeMirror t ? t : null;
      if (type == null || type.getKind() == TypeKind.ERROR) {
        continue; // a class javac cannot find: javac reports it
      }
      String javaType = javaType(type);
      if (javaType == null) {
        reporter.error(element, column, typeValue, Errors.declaredColumnType(name, cname, type.toString()));
        continue;
      }
      AnnotationValue nullable = value(column, "nullable");
      columns.add(new CatalogColumn(cname, javaType,
          nullable == null || !(nullable.getValue() instanceof Boolean b) || b));
    }
    out.add(new Declared(new CatalogTable(name, columns), element, table, nameValue));
  }

  /**
   * The qualified, boxed type a declared column reads as: a native column type (primitive, box,
   * String, BigDecimal, …, byte[]) or an enum; null for any other type.
   */
  static String javaType(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      ValueKind kind = ValueKind.forTypeName(type.toString());
      return kind == null ? null : kind.boxed();
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? "byte[]" : null;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement e = (TypeElement) ((DeclaredType) type).asElement();
    if (e.getKind() == ElementKind.ENUM) {
      return e.getQualifiedName().toString();
    }
    ValueKind kind = ValueKind.forTypeName(e.getQualifiedName().toString());
    return kind == null ? null : kind.boxed();
  }

  /** The explicit or default value of {@code member}, or null. */
  private static AnnotationValue value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    for (Element m : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (m instanceof ExecutableElement x && x.getSimpleName().contentEquals(member)) {
        return x.getDefaultValue();
      }
    }
    return null;
  }

  private static List<AnnotationMirror> mirrors(AnnotationValue value) {
    List<AnnotationMirror> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    Object v = value.getValue();
    if (v instanceof AnnotationMirror m) {
      out.add(m);
    } else if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof AnnotationValue av && av.getValue() instanceof AnnotationMirror m) {
          out.add(m);
        }
      }
    }
    return out;
  }
}
