package dev.quarry.sql;

/** A check constraint; {@code sql} is schema text written by the developer, never runtime input. */
public record CheckDef(String name, String sql) {}
