package dev.quarry.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLockFilesTest {
  @Test
  void onlyUnheldLockFilesOfDeletedDatabasesAreRemoved(@TempDir Path dir) throws Exception {
    Path orphan = Files.createFile(dir.resolve("quarry-test-1.db.migrate-lock"));
    Files.createFile(dir.resolve("quarry-test-2.db"));
    Path live = Files.createFile(dir.resolve("quarry-test-2.db.migrate-lock"));
    Path held = Files.createFile(dir.resolve("quarry-test-3.db.migrate-lock"));
    Path notOurs = Files.createFile(dir.resolve("app.db.migrate-lock"));
    try (FileChannel channel = FileChannel.open(held, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
      assertEquals(1, SqliteLockFiles.sweep(dir));
    }
    assertFalse(Files.exists(orphan));
    assertTrue(Files.exists(live), "its database is still there");
    assertTrue(Files.exists(held), "a migrator holds it");
    assertTrue(Files.exists(notOurs), "not a test database's");
  }
}
