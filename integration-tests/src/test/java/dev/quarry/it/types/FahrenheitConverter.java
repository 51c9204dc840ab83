package dev.quarry.it.types;

import dev.quarry.types.Converter;

/** Stores a {@link Temperature} as degrees Fahrenheit; named by {@code @Convert}, it wins over the global one. */
public class FahrenheitConverter implements Converter<Temperature, Double> {
  @Override
  public Double toDatabase(Temperature value) {
    return value.celsius() * 9 / 5 + 32;
  }

  @Override
  public Temperature fromDatabase(Double value) {
    return new Temperature((value - 32) * 5 / 9);
  }
}
