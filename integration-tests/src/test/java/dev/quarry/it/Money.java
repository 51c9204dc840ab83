package dev.quarry.it;

import java.math.BigDecimal;
import java.util.Objects;

/** A value type stored through {@link MoneyConverter} as text such as {@code "EUR 12.50"}. */
public final class Money implements Comparable<Money> {
  private final String currency;
  private final BigDecimal amount;

  public Money(String currency, BigDecimal amount) {
    this.currency = currency;
    this.amount = amount;
  }

  public String currency() {
    return currency;
  }

  public BigDecimal amount() {
    return amount;
  }

  @Override
  public int compareTo(Money o) {
    int c = currency.compareTo(o.currency);
    return c != 0 ? c : amount.compareTo(o.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && m.currency.equals(currency) && m.amount.compareTo(amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(currency, amount.stripTrailingZeros());
  }

  @Override
  public String toString() {
    return currency + " " + amount.toPlainString();
  }
}
