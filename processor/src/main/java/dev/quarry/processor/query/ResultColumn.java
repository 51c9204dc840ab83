package dev.quarry.processor.query;

/**
 * A column of a query's result, in select-list order.
 *
 * @param label the column's name in the result (its alias, else the column name)
 * @param javaType the qualified, boxed Java type its values read as ({@code COUNT(*)} is
 *     {@code java.lang.Long}, {@code AVG} a {@code java.math.BigDecimal} or {@code java.lang.Double}
 *     as the dialects return it)
 * @param nullable whether a value may be NULL
 */
public record ResultColumn(String label, String javaType, boolean nullable) {}
