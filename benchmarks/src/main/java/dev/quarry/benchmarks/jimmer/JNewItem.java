package dev.quarry.benchmarks.jimmer;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.babyfish.jimmer.sql.Entity;
import org.babyfish.jimmer.sql.GeneratedValue;
import org.babyfish.jimmer.sql.GenerationType;
import org.babyfish.jimmer.sql.Id;
import org.babyfish.jimmer.sql.Table;

/** The same 10 columns in {@code item_new}, the table the insert scenarios write to. */
@Entity
@Table(name = "item_new")
public interface JNewItem {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  long id();

  String name();

  String email();

  int age();

  double score();

  boolean active();

  LocalDateTime createdAt();

  BigDecimal amount();

  String category();

  long counter();
}
