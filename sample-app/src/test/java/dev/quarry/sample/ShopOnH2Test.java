package dev.quarry.sample;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint on H2 (a file database, as {@code java -jar ... jdbc:h2:./shop} would use). */
class ShopOnH2Test extends ShopContract {
  @TempDir static Path dir;

  @BeforeAll
  static void startOnH2() {
    start("jdbc:h2:" + dir.resolve("shop").toAbsolutePath());
  }
}
