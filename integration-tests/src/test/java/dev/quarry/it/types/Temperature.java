package dev.quarry.it.types;

/** A value type without native storage, converted globally by {@link CelsiusConverter}. */
public record Temperature(double celsius) {}
