package dev.quarry.it;

import dev.quarry.annotation.ClientDefault;
import dev.quarry.annotation.Column;
import dev.quarry.annotation.CreatedAt;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OnUpdate;
import dev.quarry.annotation.UpdatedAt;
import dev.quarry.annotation.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.Supplier;

/** Server defaults, client defaults, on-update values, timestamps and an optimistic version. */
@Entity
public class Document {
  /** The default title. */
  public static final class Untitled implements Supplier<String> {
    @Override
    public String get() {
      return "untitled";
    }
  }

  /** Who changed the document last. */
  public static final class Editor implements Supplier<String> {
    public static volatile String current = "system";

    @Override
    public String get() {
      return current;
    }
  }

  @Id @GeneratedValue Long id;
  @ClientDefault(Untitled.class) String title;
  @Column(serverDefault = "'draft'") String status;
  @Column(serverDefault = "7") Integer priority;
  @OnUpdate(Editor.class) String editedBy;
  @CreatedAt Instant createdAt;
  @UpdatedAt LocalDateTime updatedAt;
  @Version int version;
}
