package dev.quarry.spi;

/** Entity lifecycle points the session reports to generated code and registered callbacks. */
@Internal
public enum LifecycleEvent {
  BEFORE_INSERT,
  AFTER_INSERT,
  BEFORE_UPDATE,
  AFTER_UPDATE,
  BEFORE_DELETE,
  AFTER_DELETE,
  AFTER_LOAD
}
