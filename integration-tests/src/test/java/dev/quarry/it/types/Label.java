package dev.quarry.it.types;

/** A record stored in a JSON array of objects. */
public record Label(String name, int weight) {}
