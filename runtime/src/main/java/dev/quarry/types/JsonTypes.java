package dev.quarry.types;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON column types ({@code @Json} properties) through Jackson, and the {@link ObjectMapper} they
 * use. Stored as {@code jsonb} on PostgreSQL, as text on SQLite and H2.
 *
 * <p>Jackson is an optional dependency of Quarry: an application with {@code @Json} properties
 * declares {@code com.fasterxml.jackson.core:jackson-databind} itself. Nothing else in the runtime
 * touches Jackson, so applications without {@code @Json} never load it.
 */
public final class JsonTypes {
  private static volatile ObjectMapper custom;
  private static volatile ObjectMapper fallback;

  private JsonTypes() {}

  /**
   * Makes every JSON column use {@code mapper} (the application's own, with its modules and
   * settings) from now on; {@code null} returns to Quarry's default. Set it once at start-up,
   * before the first statement: values read earlier were read with the previous mapper.
   */
  public static void useObjectMapper(ObjectMapper mapper) {
    custom = mapper;
  }

  /**
   * The mapper JSON columns use: the one given to {@link #useObjectMapper}, else a default
   * {@code JsonMapper} with the Jackson modules found on the class path (e.g. java.time support).
   */
  public static ObjectMapper objectMapper() {
    ObjectMapper m = custom;
    if (m != null) {
      return m;
    }
    m = fallback;
    if (m == null) {
      synchronized (JsonTypes.class) {
        if (fallback == null) {
          fallback = JsonMapper.builder().findAndAddModules().build();
        }
        m = fallback;
      }
    }
    return m;
  }

  /**
   * A JSON column type for values of {@code type}; generated code passes the property's full
   * generic type as an anonymous {@code TypeReference}, e.g.
   * {@code JsonTypes.of(Map.class, new TypeReference<Map<String, Object>>() {})}.
   *
   * @param rawType the erasure of {@code type}, the Java class of values
   */
  public static <T> SqlType<T> of(Class<? super T> rawType, TypeReference<T> type) {
    return new JsonType<>(rawType, type);
  }
}
