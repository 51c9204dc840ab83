package dev.quarry.it.types;

import dev.quarry.annotation.AutoApply;
import dev.quarry.types.Converter;

/** Stores every {@link Temperature} property as degrees Celsius, without {@code @Convert}. */
// tour:converter
@AutoApply
public class CelsiusConverter implements Converter<Temperature, Double> {
  @Override
  public Double toDatabase(Temperature value) {
    return value.celsius();
  }

  @Override
  public Temperature fromDatabase(Double value) {
    return new Temperature(value);
  }
}
// end
