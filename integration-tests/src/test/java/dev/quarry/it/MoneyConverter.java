package dev.quarry.it;

import dev.quarry.types.Converter;
import java.math.BigDecimal;

/** Stores {@link Money} as {@code "<currency> <amount>"}. */
public class MoneyConverter implements Converter<Money, String> {
  @Override
  public String toDatabase(Money value) {
    return value.toString();
  }

  @Override
  public Money fromDatabase(String value) {
    int space = value.indexOf(' ');
    return new Money(value.substring(0, space), new BigDecimal(value.substring(space + 1)));
  }
}
