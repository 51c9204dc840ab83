package dev.quarry.orm.internal;

import dev.quarry.orm.OrmException;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.Polymorphism;
import dev.quarry.sql.Column;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Table;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Single-table inheritance in the session: which mapping reads a row (the one its discriminator
 * names, so a query of the base class yields subclass instances), and the discriminator filter a
 * query of a subclass needs. Every mapping of a hierarchy lays out the same columns, so a row
 * selected through any of them can be read by any other.
 */
final class Polymorphic {
  private Polymorphic() {}

  /**
   * The mapping that reads the row whose columns start at {@code first}: {@code m} itself unless
   * it belongs to a hierarchy and the row's discriminator names another class.
   *
   * @throws OrmException for a discriminator value no class of the hierarchy declares
   */
  static EntityMapping<Object> concrete(EntityMapping<Object> m, ResultSet rs, int first, Vendor vendor)
      throws SQLException {
    Polymorphism p = m.polymorphism();
    return p == null ? m : concreteAt(m, rs, first + p.discriminatorColumn(), vendor);
  }

  /** {@link #concrete} for a row read by column label: column {@code i} is at JDBC index {@code positions[i]}. */
  static EntityMapping<Object> concrete(EntityMapping<Object> m, ResultSet rs, int[] positions, Vendor vendor)
      throws SQLException {
    Polymorphism p = m.polymorphism();
    return p == null ? m : concreteAt(m, rs, positions[p.discriminatorColumn()], vendor);
  }

  @SuppressWarnings("unchecked")
  private static EntityMapping<Object> concreteAt(EntityMapping<Object> m, ResultSet rs, int jdbcIndex,
      Vendor vendor) throws SQLException {
    Polymorphism p = m.polymorphism();
    int column = p.discriminatorColumn();
    Object value = m.table().columns().get(column).type().read(rs, jdbcIndex, vendor);
    if (value != null && value.equals(p.value())) {
      return m;
    }
    EntityMapping<?> found = p.mappingFor((String) value);
    if (found == null) {
      throw new OrmException("a row of " + m.table().qualifiedName() + " has discriminator " + value + " in column "
          + m.table().columns().get(column).name() + ", which no entity of the hierarchy of "
          + p.root().getSimpleName() + " declares; add an entity with @DiscriminatorValue(\"" + value
          + "\") or fix the row");
    }
    if (found.table().columns().size() != m.table().columns().size()) {
      // every class must share one column layout; a subclass compiled apart from its root does not
      throw new OrmException(found.entityName() + " and " + m.entityName() + " lay out the table "
          + m.table().qualifiedName() + " differently: compile every class of the hierarchy of "
          + p.root().getSimpleName() + " in one compilation (one module)");
    }
    return (EntityMapping<Object>) found;
  }

  /**
   * {@code discriminator IN (values of the class and its subclasses)} for a query of a subclass
   * over {@code table} (the mapping's table or an alias of it); null for the root or a plain entity.
   */
  @SuppressWarnings("unchecked")
  static Predicate filter(EntityMapping<?> m, Table table) {
    Polymorphism p = m.polymorphism();
    if (p == null || p.isRoot(m.entityType())) {
      return null;
    }
    Column<Object> column = (Column<Object>) table.columns().get(p.discriminatorColumn());
    List<String> values = p.values();
    if (values.isEmpty()) {
      return column.isNull(); // an abstract class without concrete subclasses: the NOT NULL column matches nothing
    }
    return values.size() == 1 ? column.eq(values.get(0)) : column.in(List.<Object>copyOf(values));
  }

  /** {@code on}, AND the discriminator filter when {@code m} is a subclass joined as {@code table}. */
  static Predicate and(Predicate on, EntityMapping<?> m, Table table) {
    Predicate subclass = filter(m, table);
    return subclass == null ? on : dev.quarry.sql.Sql.and(on, subclass);
  }
}
