package dev.quarry.it.mapping;

import dev.quarry.annotation.CreatedAt;
import dev.quarry.annotation.MappedSuperclass;
import dev.quarry.annotation.UpdatedAt;
import java.time.Instant;

/** A mixin as SQLAlchemy declares them: created/updated timestamps shared by every entity that extends it. */
@MappedSuperclass
public abstract class TimestampMixin {
  @CreatedAt Instant createdAt;
  @UpdatedAt Instant updatedAt;
}
