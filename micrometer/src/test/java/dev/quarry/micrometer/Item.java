package dev.quarry.micrometer;

import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.IdGeneration;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.spi.MappingRegistry;
import dev.quarry.spi.Mappings;
import dev.quarry.spi.Polymorphism;
import dev.quarry.spi.ReferenceResolver;
import dev.quarry.spi.RelationInfo;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.Table;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * A test entity with an assigned id and a name, mapped by hand the way the processor generates
 * mappings (the processor is not on this module's build path).
 */
final class Item {
  Long id;
  String name;

  Item() {}

  Item(long id, String name) {
    this.id = id;
    this.name = name;
  }

  /** The {@code metric_items} table. */
  static final class Items extends Table {
    Items() {
      super(null, "metric_items", null);
      numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
      stringColumn(ColumnSpec.of("name", SqlTypes.varchar(100)).notNull());
    }
  }

  static final Items TABLE = new Items();

  static {
    Mappings.register(MappingRegistry.of(List.of(new Mapping()), List.of()));
  }

  /** Makes sure the mapping is registered. */
  static void register() {}

  /** Column 0 is the id, column 1 the name; no interception, changes are found by comparing snapshots. */
  private static final class Mapping implements EntityMapping<Item> {
    @Override public Class<Item> entityType() { return Item.class; }
    @Override public String entityName() { return "Item"; }
    @Override public Table table() { return TABLE; }
    @Override public int[] primaryKeyColumns() { return new int[] {0}; }
    @Override public int versionColumn() { return -1; }
    @Override public IdGeneration idGeneration() { return IdGeneration.ASSIGNED; }
    @Override public Class<?> idType() { return Long.class; }
    @Override public Item newInstance() { return new Item(); }
    @Override public Item newManagedInstance(EntityInterceptor interceptor) { return new Item(); }
    @Override public boolean supportsInterception() { return false; }

    @Override
    public Item read(ResultSet rs, int firstIndex, Vendor vendor, Item target, Object id, ReferenceResolver references,
        int knownRelation, Object known) throws SQLException {
      Item item = target != null ? target : new Item();
      item.id = SqlTypes.BIGINT.read(rs, firstIndex, vendor);
      item.name = SqlTypes.varchar(100).read(rs, firstIndex + 1, vendor);
      return item;
    }

    @Override
    public Object readId(ResultSet rs, int firstIndex, Vendor vendor) throws SQLException {
      return SqlTypes.BIGINT.read(rs, firstIndex, vendor);
    }

    @Override
    public boolean sameId(ResultSet rs, int firstIndex, Vendor vendor, Object id) throws SQLException {
      return id.equals(readId(rs, firstIndex, vendor));
    }

    @Override public Object get(Item item, int column) { return column == 0 ? item.id : item.name; }

    @Override
    public void set(Item item, int column, Object value) {
      if (column == 0) {
        item.id = (Long) value;
      } else {
        item.name = (String) value;
      }
    }

    @Override public Object id(Item item) { return item.id; }
    @Override public void setId(Item item, Object id) { item.id = (Long) id; }
    @Override public Object[] idValues(Object id) { return new Object[] {id}; }
    @Override public Object idOf(Object[] values) { return values[0]; }
    @Override public Object[] snapshot(Item item) { return new Object[] {item.id, item.name}; }

    @Override
    public int[] dirtyColumns(Item item, Object[] snapshot) {
      if (!Objects.equals(item.id, snapshot[0])) {
        return Objects.equals(item.name, snapshot[1]) ? new int[] {0} : new int[] {0, 1};
      }
      return Objects.equals(item.name, snapshot[1]) ? new int[0] : new int[] {1};
    }

    @Override public void applyInsertDefaults(Item item) {}
    @Override public void applyUpdateValues(Item item) {}
    @Override public String propertyName(int column) { return column == 0 ? "id" : "name"; }
    @Override public void onLifecycle(LifecycleEvent event, Item item) {}
    @Override public int[] validatedColumns() { return new int[0]; }
    @Override public Object validate(Item item, int column, Object value) { return value; }
    @Override public int relationCount() { return 0; }
    @Override public RelationInfo relation(int r) { throw new IndexOutOfBoundsException("no relationship " + r); }
    @Override public Object getRelation(Item item, int r) { throw new IndexOutOfBoundsException("no relationship " + r); }
    @Override public void setRelation(Item item, int r, Object v) { throw new IndexOutOfBoundsException("no relationship " + r); }
    @Override public Polymorphism polymorphism() { return null; }
    @Override public Class<?> identityType() { return Item.class; }
  }
}
