package dev.quarry.engine;

import dev.quarry.types.SqlType;

/**
 * A column of a result: the key it is looked up by ({@code row.get(users.name)} — the selected
 * expression itself), its label, and the type that reads it.
 */
public record ResultColumn(Object key, String label, SqlType<?> type) {}
