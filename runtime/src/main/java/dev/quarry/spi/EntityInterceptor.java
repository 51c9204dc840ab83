package dev.quarry.spi;

/**
 * Called by generated entity subclasses ({@code User_Proxy}) around property access, so the
 * session can load lazy state, refresh expired state or raise — without bytecode enhancement.
 */
@Internal
public interface EntityInterceptor {
  /** Before property {@code property} (column index, or relationship index after the columns) is read. */
  void beforeRead(Object entity, int property);

  /** After property {@code property} was written through its setter. */
  void afterWrite(Object entity, int property);
}
