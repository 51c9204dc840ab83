package dev.quarry.benchmarks.jimmer;

import java.util.List;
import org.babyfish.jimmer.sql.Entity;
import org.babyfish.jimmer.sql.GeneratedValue;
import org.babyfish.jimmer.sql.GenerationType;
import org.babyfish.jimmer.sql.Id;
import org.babyfish.jimmer.sql.OneToMany;
import org.babyfish.jimmer.sql.Table;

/** An author and its books, as a Jimmer entity. */
@Entity
@Table(name = "author")
public interface JAuthor {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  long id();

  String name();

  @OneToMany(mappedBy = "author")
  List<JBook> books();
}
