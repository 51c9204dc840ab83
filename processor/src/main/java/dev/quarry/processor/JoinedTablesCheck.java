package dev.quarry.processor;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Checks of a subclass of a joined-inheritance hierarchy ({@code InheritanceType.JOINED}): its own
 * table must not be the table of another class of the hierarchy, and lives in the root's schema.
 */
final class JoinedTablesCheck {
  private JoinedTablesCheck() {}

  /** Reports on {@code element}'s {@code @Table} (or the class) and returns false when a check fails. */
  static boolean check(TypeElement element, TypeElement root, List<TypeElement> members,
      Function<TypeElement, String> tableOf, Mirrors mirrors, Diagnostics diagnostics) {
    String name = element.getSimpleName().toString();
    AnnotationMirror table = Mirrors.find(element, RuntimeNames.TABLE);
    String own = tableOf.apply(element);
    for (TypeElement other : members) {
      if (other.equals(element)) {
        break; // the later of two classes reports the clash
      }
      if (tableOf.apply(other).toLowerCase(Locale.ROOT).equals(own.toLowerCase(Locale.ROOT))) {
        diagnostics.error(element, table, Errors.joinedTableClash(name, own, other.getSimpleName().toString()));
        return false;
      }
    }
    if (table != null) {
      String schema = mirrors.string(table, "schema");
      AnnotationMirror rootTable = Mirrors.find(root, RuntimeNames.TABLE);
      String rootSchema = rootTable == null ? "" : mirrors.string(rootTable, "schema");
      if (!schema.isEmpty() && !schema.equals(rootSchema)) {
        diagnostics.error(element, table, Errors.joinedSchema(name, schema, root.getSimpleName().toString(),
            rootSchema));
        return false;
      }
      for (String list : List.of("indexes", "uniqueConstraints", "checks")) {
        if (Mirrors.explicitValue(table, list) != null) {
          diagnostics.error(element, table, Errors.joinedTableConstraints(name, list, root.getSimpleName().toString()));
          return false;
        }
      }
    }
    return true;
  }
}
