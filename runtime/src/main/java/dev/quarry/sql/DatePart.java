package dev.quarry.sql;

/** A field of a date or time value, for {@code Sql.extract} and {@code Sql.dateTrunc}. */
public enum DatePart {
  YEAR, MONTH, DAY, HOUR, MINUTE, SECOND;

  /** Whether the part is finer than a day (meaningless on a DATE). */
  public boolean isTimeOfDay() {
    return ordinal() > DAY.ordinal();
  }
}
