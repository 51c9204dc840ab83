package dev.quarry.it.types;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Convert;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.EnumType;
import dev.quarry.annotation.Enumerated;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** Global converters, a property-level override, and enums by name, ordinal and code. */
@Entity
@Table(name = "type_readings")
public class Reading {
  @Id @GeneratedValue Long id;
  /** Global {@link CelsiusConverter}, no annotation. */
  Temperature celsius;
  /** {@code @Convert} wins over the global converter. */
  @Convert(FahrenheitConverter.class) Temperature fahrenheit;
  /** Global through {@code @Converters} on the package. */
  @Column(length = 20) Isbn isbn;
  /** Global enum converter: stored as a code. */
  @Column(length = 1) Priority priority;
  /** {@code @Enumerated} opts out of the global enum converter: stored by name. */
  @Enumerated Priority priorityByName;
  /** Default enum storage: by name. */
  Weather weather;
  @Enumerated(EnumType.ORDINAL) Weather weatherByOrdinal;

  public Reading() {}

  Reading(double celsius, String isbn, Priority priority, Weather weather) {
    this.celsius = new Temperature(celsius);
    this.fahrenheit = new Temperature(celsius);
    this.isbn = isbn == null ? null : new Isbn(isbn);
    this.priority = priority;
    this.priorityByName = priority;
    this.weather = weather;
    this.weatherByOrdinal = weather;
  }
}
