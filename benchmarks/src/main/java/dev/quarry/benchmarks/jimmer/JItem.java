package dev.quarry.benchmarks.jimmer;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.babyfish.jimmer.sql.Entity;
import org.babyfish.jimmer.sql.GeneratedValue;
import org.babyfish.jimmer.sql.GenerationType;
import org.babyfish.jimmer.sql.Id;
import org.babyfish.jimmer.sql.Table;

/** The 10-column {@code item} row as a Jimmer entity (an immutable interface; jimmer-apt writes its draft, table and fetcher). */
@Entity
@Table(name = "item")
public interface JItem {
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
