package dev.quarry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on a loopback port in front of a database server, for tests of what the engine does
 * when the network misbehaves. It {@link #forward}s (the default), {@link #freeze}s — keeps every
 * socket open and moves no byte, as a stopped server or a lost network does — or {@link #drop}s:
 * closes each new connection at once, as a server that is down does (open ones freeze).
 */
public final class TcpProxy implements AutoCloseable {
  private enum Mode { FORWARD, FREEZE, DROP }

  private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)");

  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.FORWARD;
  private volatile boolean closed;

  private TcpProxy(String host, int port) throws IOException {
    this.targetHost = host;
    this.targetPort = port;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy in front of the server a JDBC URL ({@code jdbc:x://host:port/...}) names. */
  public static TcpProxy inFrontOf(String jdbcUrl) {
    Matcher m = HOST_PORT.matcher(jdbcUrl);
    if (!m.find()) {
      throw new IllegalArgumentException("no host:port in " + jdbcUrl);
    }
    try {
      return new TcpProxy(m.group(1), Integer.parseInt(m.group(2)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code jdbcUrl} with its host and port replaced by the proxy's. */
  public String route(String jdbcUrl) {
    return HOST_PORT.matcher(jdbcUrl).replaceFirst("//127.0.0.1:" + server.getLocalPort());
  }

  /** Forward bytes both ways (again). */
  public void forward() {
    mode = Mode.FORWARD;
  }

  /** Move no byte, on open connections and new ones, until {@link #forward()}. */
  public void freeze() {
    mode = Mode.FREEZE;
  }

  /** Close new connections at once; open ones freeze. */
  public void drop() {
    mode = Mode.DROP;
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        if (mode == Mode.DROP) {
          client.close();
          continue;
        }
        sockets.add(client);
        Socket upstream = new Socket();
        sockets.add(upstream);
        upstream.connect(new InetSocketAddress(targetHost, targetPort), 5000);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        // the proxy closed, or one connection failed: the client sees it closed
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          while (mode != Mode.FORWARD && !closed) {
            Thread.sleep(10); // hold the bytes: the other side waits as on a dead network
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // one side closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }
}
