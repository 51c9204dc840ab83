package dev.quarry.benchmarks.model;

import dev.quarry.annotation.Projection;

/** The 3-column projection of the DTO scenario; Quarry reads it with its generated reader ({@code ItemDto_Projection}). */
@Projection
public record ItemDto(long id, String name, int age) {}
