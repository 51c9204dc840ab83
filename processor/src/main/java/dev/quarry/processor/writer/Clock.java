package dev.quarry.processor.writer;

import com.palantir.javapoet.CodeBlock;
import dev.quarry.processor.model.ValueKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Code for "now" and first versions. Times are truncated to microseconds, what databases store. */
final class Clock {
  private Clock() {}

  static CodeBlock now(ValueKind kind) {
    return switch (kind) {
      case INSTANT -> CodeBlock.of("$T.now().truncatedTo($T.MICROS)", Instant.class, ChronoUnit.class);
      case LOCAL_DATE_TIME -> CodeBlock.of("$T.now().truncatedTo($T.MICROS)", LocalDateTime.class, ChronoUnit.class);
      case OFFSET_DATE_TIME -> CodeBlock.of("$T.now().truncatedTo($T.MICROS)", OffsetDateTime.class,
          ChronoUnit.class);
      case LOCAL_DATE -> CodeBlock.of("$T.now()", LocalDate.class);
      default -> throw new IllegalArgumentException("no current time for " + kind);
    };
  }

  static CodeBlock initialVersion(ValueKind kind) {
    return switch (kind) {
      case SHORT -> CodeBlock.of("(short) 0");
      case INT -> CodeBlock.of("0");
      case LONG -> CodeBlock.of("0L");
      default -> now(kind);
    };
  }
}
