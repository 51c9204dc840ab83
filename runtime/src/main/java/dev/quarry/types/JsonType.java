package dev.quarry.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A value stored as its JSON text through Jackson. PostgreSQL gets the text as an untyped
 * parameter ({@code Types.OTHER}), so the server reads it as the column's {@code jsonb}; other
 * databases get a plain string. Snapshots are deep copies, so changing a map or list in place is
 * seen as a change.
 */
final class JsonType<T> extends SqlType<T> {
  private final TypeReference<T> reference;
  /** Jackson's view of the type for the mapper in use; recomputed when the mapper changes. */
  private volatile Resolved resolved;

  private record Resolved(ObjectMapper mapper, JavaType type, ObjectWriter sorted) {}

  @SuppressWarnings("unchecked")
  JsonType(Class<? super T> rawType, TypeReference<T> reference) {
    super(TypeKind.JSON, (Class<T>) rawType, 0, 0, 0);
    this.reference = reference;
  }

  private Resolved resolved() {
    ObjectMapper mapper = JsonTypes.objectMapper();
    Resolved r = resolved;
    if (r == null || r.mapper != mapper) {
      r = new Resolved(mapper, mapper.getTypeFactory().constructType(reference),
          mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS));
      resolved = r;
    }
    return r;
  }

  /** The JSON text of {@code value}. */
  String write(T value) {
    try {
      return resolved().mapper.writeValueAsString(value);
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON for a "
          + reference.getType().getTypeName() + " column: " + ex.getOriginalMessage(), ex);
    }
  }

  /** The value of JSON text {@code json}. */
  T parse(String json) {
    Resolved r = resolved();
    try {
      return r.mapper.readValue(json, r.type);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot read the stored JSON as " + reference.getType().getTypeName() + ": "
          + ex.getOriginalMessage(), ex);
    }
  }

  @Override
  public T read(ResultSet rs, int index, Vendor vendor) throws SQLException {
    String json = rs.getString(index);
    return json == null ? null : parse(json);
  }

  @Override
  public void bind(PreparedStatement ps, int index, T value, Vendor vendor) throws SQLException {
    boolean postgres = vendor == Vendor.POSTGRESQL;
    if (value == null) {
      ps.setNull(index, postgres ? Types.OTHER : Types.VARCHAR);
    } else if (postgres) {
      // An unspecified-type parameter: PostgreSQL casts the text to the column's jsonb itself.
      ps.setObject(index, write(value), Types.OTHER);
    } else {
      ps.setString(index, write(value));
    }
  }

  @Override
  public T fromObject(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof CharSequence) && javaType().isInstance(value)) {
      return javaType().cast(value);
    }
    // JSON text: a String, or a driver object such as PostgreSQL's PGobject whose text is the document.
    return parse(value.toString());
  }

  /** A deep copy through JSON, so a snapshot never shares a mutable map, list or object with the entity. */
  @Override
  public T copy(T value) {
    return value == null ? null : parse(write(value));
  }

  /** Equal JSON documents (map entries compared in key order), whatever the classes' {@code equals} says. */
  @Override
  public boolean same(T a, T b) {
    if (a == null || b == null) {
      return a == b;
    }
    ObjectWriter sorted = resolved().sorted;
    try {
      return sorted.writeValueAsString(a).equals(sorted.writeValueAsString(b));
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("cannot write a " + a.getClass().getName() + " as JSON: "
          + ex.getOriginalMessage(), ex);
    }
  }

  @Override
  public String describe() {
    return "JSON";
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && o instanceof JsonType<?> other
        && other.reference.getType().equals(reference.getType());
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + reference.getType().hashCode();
  }
}
