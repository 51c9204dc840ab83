package dev.quarry.spi;

/** Implemented by generated entity subclasses: gives the session access to the interceptor slot. */
@Internal
public interface ManagedEntity {
  /** The current interceptor, or null when detached. */
  EntityInterceptor quarryInterceptor();

  /** Attaches ({@code interceptor}) or detaches ({@code null}) the object. */
  void quarryInterceptor(EntityInterceptor interceptor);
}
