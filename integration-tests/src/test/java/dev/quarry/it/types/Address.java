package dev.quarry.it.types;

/** A record stored as a JSON object. */
public record Address(String street, String city, String country) {}
