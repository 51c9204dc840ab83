package dev.quarry.it.embed;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Embeddable;

/** A composite key as an embeddable record. */
@Embeddable
public record ShipmentKey(@Column(length = 20) String carrier, int number) {}
