package dev.quarry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class QuarryTest {
  @Test
  void versionIsTheProjectVersion() {
    String expected = System.getProperty("quarry.project.version");
    assertNotNull(expected, "the pom passes quarry.project.version to the tests");
    assertEquals(expected, Quarry.version());
  }
}
