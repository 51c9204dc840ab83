package dev.quarry.it.types;

import dev.quarry.annotation.AutoApply;
import dev.quarry.types.Converter;

/** Stores every {@link Priority} as its code, unless the property says {@code @Enumerated}. */
@AutoApply
public class PriorityConverter implements Converter<Priority, String> {
  @Override
  public String toDatabase(Priority value) {
    return value.code;
  }

  @Override
  public Priority fromDatabase(String value) {
    for (Priority p : Priority.values()) {
      if (p.code.equals(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no priority with code " + value);
  }
}
