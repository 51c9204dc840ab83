package dev.quarry.engine;

import dev.quarry.types.SqlType;
import dev.quarry.types.Typed;

/** A stand-in for a selected expression (the SQL layer's columns): a typed key compared by value. */
record Key<T>(String name, SqlType<T> type) implements Typed<T> {}
