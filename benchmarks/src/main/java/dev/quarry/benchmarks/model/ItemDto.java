package dev.quarry.benchmarks.model;

/** The 3-column projection of the DTO scenario. */
public record ItemDto(long id, String name, int age) {}
