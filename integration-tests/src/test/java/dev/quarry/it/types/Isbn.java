package dev.quarry.it.types;

/** An ISBN written with hyphens, stored as its digits by {@link IsbnConverter}. */
public record Isbn(String text) {}
