package dev.quarry.it;

import dev.quarry.annotation.Check;
import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/**
 * Names that need quoting next to plain ones: the table and two columns are reserved words, one
 * column is mixed case with a space; the check and the server default name plain columns as a
 * developer writes them.
 */
@Entity
@Table(name = "group", checks = @Check(name = "ck_group_seats", value = "seats > 0"))
public class Booking {
  @Id @GeneratedValue Long id;
  @Column(name = "key") String key;
  @Column(name = "value") Integer value;
  int seats;
  @Column(name = "Display Name") String displayName;
  @Column(serverDefault = "'open'") String status;

  public Booking() {}

  Booking(String key, int value, int seats, String displayName) {
    this.key = key;
    this.value = value;
    this.seats = seats;
    this.displayName = displayName;
  }
}
