package dev.quarry.processor.catalog;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.JoinedModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.RelationModel;
import dev.quarry.processor.model.RelationModel.JoinTableModel;
import dev.quarry.processor.query.CatalogColumn;
import dev.quarry.processor.query.CatalogTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * The tables entity models map, laid out as the schema DDL creates them (the column specs the
 * generated metamodels build: {@code MetamodelWriter}, {@code JoinedTables}, the association tables).
 */
final class EntityTables {
  private EntityTables() {}

  /**
   * A table of this compilation.
   *
   * @param table its name and columns
   * @param owner what maps it, for messages: {@code entity com.shop.User}, {@code the many-to-many com.shop.User.roles}
   * @param entities the entities whose declarations it is derived from (originating elements of its resource)
   */
  record Mapped(CatalogTable table, String owner, List<TypeElement> entities) {}

  /** Every table of {@code entities}, entity tables in the order given, then association tables; one per name. */
  static List<Mapped> of(Collection<EntityModel> entities) {
    // a hierarchy is laid out from its root's model when it is here (every class has the same union layout)
    Map<ClassName, EntityModel> layouts = new HashMap<>();
    Map<ClassName, List<TypeElement>> members = new HashMap<>();
    Map<ClassName, Map<Integer, String>> joinedOwners = new HashMap<>();
    for (EntityModel e : entities) {
      if (e.inheritance() == null) {
        continue;
      }
      ClassName root = e.inheritance().root();
      if (e.inheritance().isRoot() || !layouts.containsKey(root)) {
        layouts.put(root, e);
      }
      members.computeIfAbsent(root, k -> new ArrayList<>()).add(e.element());
      JoinedModel j = e.inheritance().joined();
      if (j != null) {
        joinedOwners.computeIfAbsent(root, k -> new HashMap<>())
            .put(j.path().get(j.path().size() - 1), "entity " + e.type().canonicalName());
      }
    }
    Map<String, Mapped> out = new LinkedHashMap<>();
    for (EntityModel e : entities) {
      if (e.inheritance() == null) {
        List<CatalogColumn> columns = new ArrayList<>();
        for (PropertyModel p : e.columns()) {
          columns.add(column(e, p));
        }
        add(out, new Mapped(new CatalogTable(qualified(e.schema(), e.table()), columns), "entity " + e.type().canonicalName(),
            List.of(e.element())));
        continue;
      }
      ClassName root = e.inheritance().root();
      EntityModel layout = layouts.get(root);
      if (layout != e) {
        continue; // laid out once, from the chosen model
      }
      List<TypeElement> origins = List.copyOf(members.get(root));
      JoinedModel j = layout.inheritance().joined();
      if (j == null) {
        List<CatalogColumn> columns = new ArrayList<>();
        for (PropertyModel p : layout.columns()) {
          columns.add(column(layout, p));
        }
        add(out, new Mapped(new CatalogTable(qualified(layout.schema(), layout.table()), columns),
            "entity " + root.canonicalName(), origins));
        continue;
      }
      for (int t = 0; t < j.tables().size(); t++) {
        List<CatalogColumn> columns = new ArrayList<>();
        if (t > 0) { // a subclass's table: the key first (a foreign key to its parent's), then its own columns
          for (PropertyModel p : layout.columns()) {
            if (p.id()) {
              columns.add(new CatalogColumn(p.columnName(), javaType(p), false));
            }
          }
        }
        for (PropertyModel p : layout.columns()) {
          int table = p.index() < j.columnTables().size() ? j.columnTables().get(p.index()) : 0;
          if (table == t && !(t > 0 && p.id())) {
            columns.add(column(layout, p));
          }
        }
        String owner = joinedOwners.getOrDefault(root, Map.of()).getOrDefault(t, "entity " + root.canonicalName());
        add(out, new Mapped(new CatalogTable(qualified(layout.schema(), j.tables().get(t)), columns), owner, origins));
      }
    }
    for (EntityModel e : entities) {
      for (RelationModel r : e.relations()) {
        JoinTableModel jt = r.joinTable();
        if (jt != null) {
          List<CatalogColumn> columns = List.of(
              new CatalogColumn(jt.ownerColumn().columnName(), javaType(jt.ownerColumn()), false),
              new CatalogColumn(jt.targetColumn().columnName(), javaType(jt.targetColumn()), false));
          add(out, new Mapped(new CatalogTable(jt.name(), columns), "the many-to-many " + e.type().canonicalName() + "." + r.name(),
              List.of(e.element())));
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static void add(Map<String, Mapped> out, Mapped table) {
    out.putIfAbsent(TableResources.key(table.table().name()), table); // duplicates are reported by EntityStep
  }

  /** {@code schema.table}, or {@code table} without a schema. */
  static String qualified(String schema, String table) {
    return schema == null || schema.isEmpty() ? table : schema + "." + table;
  }

  /** The column of {@code p} as DDL declares it: a key column is NOT NULL, a subclass column of a single table nullable. */
  private static CatalogColumn column(EntityModel e, PropertyModel p) {
    boolean shared = e.inheritance() != null && e.inheritance().subclassColumns().contains(p.index());
    return new CatalogColumn(p.columnName(), javaType(p), !p.id() && (p.column().nullable() || shared));
  }

  /**
   * The qualified, boxed type the column's values read as from JDBC: the native type; an enum's
   * qualified name; a converted value's database-side type; {@code java.lang.String} for a JSON
   * document (its text, whatever the Java property type); a foreign key's the referenced id's.
   */
  static String javaType(PropertyModel p) {
    return switch (p.kind()) {
      case CONVERTED -> p.storage().storedKind().boxed();
      case JSON -> "java.lang.String";
      case ENUM -> name(p.valueType());
      default -> p.kind().boxed();
    };
  }

  private static String name(TypeName type) {
    TypeName plain = type.withoutAnnotations();
    return plain instanceof ClassName c ? c.canonicalName() : plain.toString();
  }
}
