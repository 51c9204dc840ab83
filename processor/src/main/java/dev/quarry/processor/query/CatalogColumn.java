package dev.quarry.processor.query;

/**
 * A column a query may name.
 *
 * @param name the column name as the database has it (unquoted)
 * @param javaType the qualified, boxed Java type values read as ({@code java.lang.Long},
 *     {@code java.time.Instant}, an enum's qualified name)
 * @param nullable whether the column accepts NULL
 */
public record CatalogColumn(String name, String javaType, boolean nullable) {}
