package dev.quarry.migrate;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Removes the SQLite migration lock files ({@code <database>.migrate-lock}) that the tests'
 * temporary databases leave in the temporary directory, after each test class (registered for
 * every test class by autodetection, see junit-platform.properties).
 *
 * <p>The migrator itself never deletes its lock file: a process waiting for the lock may have the
 * file open already, and would then lock a file no longer at that path while a third process
 * creates and locks a new one — two migrators at once. Here the database the file locks is gone
 * (TestDatabase deletes it after closing its engines), so no migrator can be running on it; the
 * file is still only deleted while this process holds its lock, and left when anyone else does.
 */
public final class SqliteLockFiles implements AfterAllCallback {
  private static final String SUFFIX = ".migrate-lock";

  @Override
  public void afterAll(ExtensionContext context) {
    sweep(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** Deletes the lock files of TestDatabase's deleted databases in {@code dir}; returns how many. */
  static int sweep(Path dir) {
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "quarry-test-*.db" + SUFFIX)) {
      for (Path lockFile : files) {
        String name = lockFile.getFileName().toString();
        Path database = lockFile.resolveSibling(name.substring(0, name.length() - SUFFIX.length()));
        if (!Files.exists(database) && deleteIfUnlocked(lockFile)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      // a temporary directory we cannot list: nothing to tidy
    }
    return deleted;
  }

  private static boolean deleteIfUnlocked(Path lockFile) {
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        return false; // a migrator of this JVM holds it
      }
      if (lock == null) {
        return false; // another process holds it
      }
      try {
        return Files.deleteIfExists(lockFile);
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      return false; // gone already, or not ours to delete
    }
  }
}
