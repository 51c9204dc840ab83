package dev.quarry.migrate;

import dev.quarry.schema.SchemaChange;
import dev.quarry.types.Vendor;
import java.util.List;

/** Test access to {@link Ops} that records the changes a revision makes instead of running them. */
public final class RecordingOps {
  private RecordingOps() {}

  /** Ops appending every change to {@code changes}, as on {@code vendor}. */
  public static Ops into(List<SchemaChange> changes, Vendor vendor) {
    return new Ops(new Ops.Sink() {
      @Override
      public void apply(SchemaChange change) {
        changes.add(change);
      }

      @Override
      public Vendor vendor() {
        return vendor;
      }
    }, null);
  }
}
