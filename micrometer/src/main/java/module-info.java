/**
 * Micrometer meters for Quarry: statements by kind and outcome, sessions and flushes, and
 * HikariCP's own pool meters.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // Micrometer ships no module descriptor, only an automatic name
module dev.quarry.micrometer {
  requires transitive dev.quarry.runtime;
  requires transitive micrometer.core;
  // QuarryMetrics.poolMetrics returns HikariCP's MetricsTrackerFactory
  requires transitive com.zaxxer.hikari;

  exports dev.quarry.micrometer;
}
