package dev.quarry.orm;

import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.IdGeneration;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.spi.Polymorphism;
import dev.quarry.spi.ReferenceResolver;
import dev.quarry.spi.RelationInfo;
import dev.quarry.sql.Column;
import dev.quarry.sql.Table;
import dev.quarry.types.SqlType;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A hand-written {@link EntityMapping} doing what the processor generates (accessor calls, no
 * reflection), built from lambdas so the session's tests do not depend on the processor.
 */
public final class TestMapping<E> implements EntityMapping<E> {
  private final Class<E> type;
  private final Table table;
  private final int[] pk;
  private final int version;
  private final IdGeneration generation;
  private final Class<?> idType;
  private final Supplier<E> plain;
  private final Function<EntityInterceptor, E> managed;
  private final List<Function<E, Object>> getters;
  private final List<BiConsumer<E, Object>> setters;
  private final Function<Object[], Object> compositeOf;
  private final Function<Object, Object[]> compositeValues;
  final List<String> lifecycleLog = new ArrayList<>();
  private final int[] validated;
  private final BiFunction<Integer, Object, Object> validator;
  private final BiConsumer<LifecycleEvent, E> lifecycle;

  private TestMapping(Builder<E> b) {
    this.type = b.type;
    this.table = b.table;
    this.pk = b.pk;
    this.version = b.version;
    this.generation = b.generation;
    this.idType = b.idType;
    this.plain = b.plain;
    this.managed = b.managed;
    this.getters = List.copyOf(b.getters);
    this.setters = List.copyOf(b.setters);
    this.compositeOf = b.compositeOf;
    this.compositeValues = b.compositeValues;
    this.validated = b.validated;
    this.validator = b.validator;
    this.lifecycle = b.lifecycle;
  }

  static <E> Builder<E> builder(Class<E> type, Table table) {
    return new Builder<>(type, table);
  }

  @Override public Class<E> entityType() { return type; }
  @Override public String entityName() { return type.getSimpleName(); }
  @Override public Table table() { return table; }
  @Override public int[] primaryKeyColumns() { return pk.clone(); }
  @Override public int versionColumn() { return version; }
  @Override public IdGeneration idGeneration() { return generation; }
  @Override public Class<?> idType() { return idType; }
  @Override public E newInstance() { return plain.get(); }
  @Override public E newManagedInstance(EntityInterceptor interceptor) { return managed.apply(interceptor); }
  @Override public boolean supportsInterception() { return true; }

  @Override
  public E read(ResultSet rs, int firstIndex, Vendor vendor, E target, Object id, ReferenceResolver references,
      int knownRelation, Object known) throws SQLException {
    E e = target != null ? target : newManagedInstance(null);
    List<Column<?>> cols = table.columns();
    for (int i = 0; i < cols.size(); i++) {
      setters.get(i).accept(e, cols.get(i).type().read(rs, firstIndex + i, vendor));
    }
    return e;
  }

  @Override
  public boolean sameId(ResultSet rs, int firstIndex, Vendor vendor, Object id) throws SQLException {
    return id.equals(readId(rs, firstIndex, vendor));
  }

  @Override
  public Object readId(ResultSet rs, int firstIndex, Vendor vendor) throws SQLException {
    Object[] values = new Object[pk.length];
    for (int k = 0; k < pk.length; k++) {
      values[k] = table.columns().get(pk[k]).type().read(rs, firstIndex + pk[k], vendor);
      if (values[k] == null) {
        return null;
      }
    }
    return idOf(values);
  }

  @Override public Object get(E entity, int column) { return getters.get(column).apply(entity); }
  @Override public void set(E entity, int column, Object value) { setters.get(column).accept(entity, value); }

  @Override
  public Object id(E entity) {
    Object[] values = new Object[pk.length];
    for (int k = 0; k < pk.length; k++) {
      values[k] = get(entity, pk[k]);
      if (values[k] == null) {
        return null;
      }
    }
    return idOf(values);
  }

  @Override
  public void setId(E entity, Object id) {
    if (pk.length == 1) {
      set(entity, pk[0], id);
      return;
    }
    Object[] values = id == null ? new Object[pk.length] : idValues(id);
    for (int k = 0; k < pk.length; k++) {
      set(entity, pk[k], values[k]);
    }
  }

  @Override
  public Object[] idValues(Object id) {
    return pk.length == 1 ? new Object[] {id} : compositeValues.apply(id);
  }

  @Override
  public Object idOf(Object[] values) {
    return pk.length == 1 ? values[0] : compositeOf.apply(values);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Override
  public Object[] snapshot(E entity) {
    Object[] s = new Object[getters.size()];
    for (int i = 0; i < s.length; i++) {
      SqlType t = table.columns().get(i).type();
      s[i] = t.copy(get(entity, i));
    }
    return s;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Override
  public int[] dirtyColumns(E entity, Object[] snapshot) {
    int[] out = new int[getters.size()];
    int n = 0;
    for (int i = 0; i < out.length; i++) {
      SqlType t = table.columns().get(i).type();
      if (!t.same(get(entity, i), snapshot[i])) {
        out[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  @Override public void applyInsertDefaults(E entity) {}
  @Override public void applyUpdateValues(E entity) {}

  @Override
  public void onLifecycle(LifecycleEvent event, E entity) {
    lifecycleLog.add(event.name());
    if (lifecycle != null) {
      lifecycle.accept(event, entity);
    }
  }

  @Override public int[] validatedColumns() { return validated.clone(); }
  @Override public String propertyName(int column) { return table.columns().get(column).name(); }
  @Override public int relationCount() { return 0; }
  @Override public RelationInfo relation(int r) { throw new IndexOutOfBoundsException("no relationship " + r); }
  @Override public Object getRelation(E entity, int r) { throw new IndexOutOfBoundsException("no relationship " + r); }
  @Override public void setRelation(E entity, int r, Object v) { throw new IndexOutOfBoundsException("no relationship " + r); }
  @Override public Polymorphism polymorphism() { return null; }
  @Override public Class<?> identityType() { return type; }

  @Override
  public Object validate(E entity, int column, Object value) {
    return validator == null ? value : validator.apply(column, value);
  }

  static final class Builder<E> {
    private final Class<E> type;
    private final Table table;
    private int[] pk = {0};
    private int version = -1;
    private IdGeneration generation = IdGeneration.ASSIGNED;
    private Class<?> idType = Long.class;
    private Supplier<E> plain;
    private Function<EntityInterceptor, E> managed;
    private final List<Function<E, Object>> getters = new ArrayList<>();
    private final List<BiConsumer<E, Object>> setters = new ArrayList<>();
    private Function<Object[], Object> compositeOf;
    private Function<Object, Object[]> compositeValues;
    private int[] validated = {};
    private BiFunction<Integer, Object, Object> validator;
    private BiConsumer<LifecycleEvent, E> lifecycle;

    Builder(Class<E> type, Table table) {
      this.type = type;
      this.table = table;
    }

    Builder<E> id(IdGeneration g, Class<?> t, int... columns) {
      this.generation = g;
      this.idType = t;
      this.pk = columns;
      return this;
    }

    Builder<E> composite(Function<Object[], Object> of, Function<Object, Object[]> values) {
      this.compositeOf = of;
      this.compositeValues = values;
      return this;
    }

    Builder<E> version(int column) {
      this.version = column;
      return this;
    }

    Builder<E> instances(Supplier<E> plainInstance, Function<EntityInterceptor, E> managedInstance) {
      this.plain = plainInstance;
      this.managed = managedInstance;
      return this;
    }

    @SuppressWarnings("unchecked")
    <V> Builder<E> column(Function<E, V> getter, BiConsumer<E, V> setter) {
      getters.add((Function<E, Object>) getter);
      setters.add((e, v) -> setter.accept(e, (V) v));
      return this;
    }

    Builder<E> validator(int[] columns, BiFunction<Integer, Object, Object> v) {
      this.validated = columns;
      this.validator = v;
      return this;
    }

    Builder<E> lifecycle(BiConsumer<LifecycleEvent, E> l) {
      this.lifecycle = l;
      return this;
    }

    TestMapping<E> build() {
      if (getters.size() != table.columns().size()) {
        throw new IllegalStateException("one getter/setter per column");
      }
      return new TestMapping<>(this);
    }
  }
}
