package dev.quarry.benchmarks.jimmer;

import org.babyfish.jimmer.sql.Entity;
import org.babyfish.jimmer.sql.GeneratedValue;
import org.babyfish.jimmer.sql.GenerationType;
import org.babyfish.jimmer.sql.Id;
import org.babyfish.jimmer.sql.ManyToOne;
import org.babyfish.jimmer.sql.Table;

/** A book (foreign key {@code author_id}), as a Jimmer entity. */
@Entity
@Table(name = "book")
public interface JBook {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  long id();

  @ManyToOne
  JAuthor author();

  String title();

  int pages();
}
