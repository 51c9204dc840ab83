package dev.quarry.it;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.IdClass;
import dev.quarry.annotation.Table;
import dev.quarry.annotation.UniqueConstraint;
import java.time.LocalDate;

/** A composite primary key given through a record. */
@Entity
@IdClass(EnrollmentKey.class)
@Table(uniqueConstraints = @UniqueConstraint(columns = "seat"))
public class Enrollment {
  @Id long studentId;
  @Id String course;
  LocalDate enrolledOn;
  Integer seat;
}
