package dev.quarry.sample;

/**
 * Starts the shop: {@code java -jar quarry-sample-app.jar [jdbc-url] [--port n]}. The database is
 * the first argument, else {@code QUARRY_DB_URL}, else an SQLite file {@code quarry-shop-v3.db}
 * in the working directory (its schema created by the migrations and seeded on first start).
 */
public final class ShopApp {
  /**
   * SQLite allows one writer: IMMEDIATE transactions queue for the write lock (up to the busy
   * timeout) instead of failing when two read-then-write requests meet.
   */
  static final String DEFAULT_URL = "jdbc:sqlite:" + Shop.DEFAULT_FILE + "?transaction_mode=IMMEDIATE&busy_timeout=10000";

  private ShopApp() {}

  public static void main(String[] args) {
    String url = null;
    int port = 8080;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length && args[i + 1].matches("\\d{1,5}")) {
        port = Integer.parseInt(args[++i]);
      } else if (args[i].startsWith("jdbc:")) {
        url = args[i];
      } else {
        System.err.println("usage: java -jar quarry-sample-app.jar [jdbc-url] [--port n]");
        System.exit(2);
      }
    }
    if (url == null) {
      String env = System.getenv("QUARRY_DB_URL");
      url = env == null || env.isBlank() ? DEFAULT_URL : env;
    }
    Shop shop = Shop.start(url, port);
    Runtime.getRuntime().addShutdownHook(new Thread(shop::close, "shop-shutdown"));
    String base = shop.baseUrl();
    System.out.println("Quarry sample shop on " + base + "  (database " + shop.engine().url()
        + (shop.seeded() ? ", seeded with demo data" : "") + ")");
    System.out.println("Try:");
    System.out.println("  curl " + base + "/");
    System.out.println("  curl '" + base + "/products?q=tea&sort=-priceCents&page=1&size=5'");
    System.out.println("  curl " + base + "/users/1");
    System.out.println("  curl '" + base + "/users/1/orders?status=SHIPPED&page=1&size=5'");
    System.out.println("  curl -X PUT " + base + "/users/2/roles/support");
    System.out.println("  curl " + base + "/employees/4/chain");
    System.out.println("  curl -X POST " + base + "/orders -H 'Content-Type: application/json' "
        + "-d '{\"userId\": 2, \"items\": [{\"productId\": 1, \"quantity\": 2}]}'");
    System.out.println("  curl " + base + "/reports/top-products");
    System.out.println("Stop with Ctrl+C.");
  }
}
