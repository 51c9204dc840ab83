package dev.quarry.it.types;

import dev.quarry.types.Converter;

/**
 * Stores an {@link Isbn} as its digits. Not annotated: it stands for a converter from a library,
 * registered for the compilation by {@code @Converters} in this package's {@code package-info}.
 */
public class IsbnConverter implements Converter<Isbn, String> {
  @Override
  public String toDatabase(Isbn value) {
    return value.text().replace("-", "");
  }

  @Override
  public Isbn fromDatabase(String value) {
    return new Isbn(value.substring(0, 3) + "-" + value.substring(3));
  }
}
