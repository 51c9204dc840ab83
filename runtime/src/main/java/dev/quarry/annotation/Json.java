package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a property as a JSON document through Jackson: records, POJOs, {@code Map<String, Object>},
 * {@code List<...>} and any other type Jackson reads and writes, with its full generic type. The
 * column is {@code jsonb} on PostgreSQL and text on SQLite and H2. Needs
 * {@code com.fasterxml.jackson.core:jackson-databind} on the class path; the mapper is
 * {@link dev.quarry.types.JsonTypes#objectMapper()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Json {}
