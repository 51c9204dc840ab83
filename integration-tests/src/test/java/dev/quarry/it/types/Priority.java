package dev.quarry.it.types;

/** An enum stored by a one-letter code through the global {@link PriorityConverter}. */
public enum Priority {
  LOW("L"),
  MEDIUM("M"),
  HIGH("H");

  final String code;

  Priority(String code) {
    this.code = code;
  }
}
