package dev.quarry.orm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sequence pools of one engine, shared by every session factory over it (an engine extension). */
final class SequencePools {
  private final Map<String, SequencePool> pools = new ConcurrentHashMap<>();

  SequencePool pool(String sequence, int allocationSize) {
    return pools.computeIfAbsent(sequence, n -> new SequencePool(allocationSize));
  }
}
