package dev.quarry.it.embed;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Embeddable;

/** An immutable embeddable: a record, built through its canonical constructor. */
// tour:embeddable
@Embeddable
public record Address(String street, String city, @Column(name = "zip", length = 10) String postcode) {}
// end
