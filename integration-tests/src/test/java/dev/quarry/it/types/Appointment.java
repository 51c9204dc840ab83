package dev.quarry.it.types;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;
import java.time.LocalDateTime;

/** A date-time kept in another program's text form on SQLite, and a code with a declared length. */
@Entity
@Table(name = "type_appointments")
public class Appointment {
  @Id Long id;
  @Column(storageFormat = "yyyy/MM/dd HH:mm") LocalDateTime startsAt;
  LocalDateTime endsAt;
  @Column(length = 5) String room;

  public Appointment() {}

  Appointment(long id, LocalDateTime startsAt, LocalDateTime endsAt, String room) {
    this.id = id;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.room = room;
  }
}
