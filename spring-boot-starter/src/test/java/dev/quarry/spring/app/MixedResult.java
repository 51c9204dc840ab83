package dev.quarry.spring.app;

import java.util.List;

/** Carries what a transaction saw out of it while making it roll back. */
public class MixedResult extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public final transient List<Object> seen;

  public MixedResult(List<Object> seen) {
    super("rolled back on purpose");
    this.seen = seen;
  }
}
