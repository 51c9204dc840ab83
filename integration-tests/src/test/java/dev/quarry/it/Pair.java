package dev.quarry.it;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.IdClass;

/** An entity that is only its composite key (a link row). */
@Entity
@IdClass(PairKey.class)
public class Pair {
  @Id long left;
  @Id long right;
}
