package dev.quarry.processor.model;

/**
 * Column options of a property.
 *
 * @param name column name
 * @param nullable whether NULL is allowed
 * @param unique whether the column has its own unique constraint
 * @param indexed whether a single-column index is declared for it
 * @param length declared length, 0 for the type's default
 * @param precision declared precision, 0 for the type's default
 * @param scale declared scale
 * @param serverDefault SQL text of the DEFAULT clause, or null
 * @param insertable whether INSERTs write it
 * @param updatable whether UPDATEs write it
 * @param storageFormat the date/time text pattern SQLite stores values in, or null for the default
 */
public record ColumnModel(String name, boolean nullable, boolean unique, boolean indexed, int length, int precision,
    int scale, String serverDefault, boolean insertable, boolean updatable, String storageFormat) {}
