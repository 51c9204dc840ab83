package dev.quarry.engine;

import java.util.List;

/**
 * A result could not be read into a record ({@code into(BookRow.class)}): a component matches no
 * column, a column is NULL for a primitive component, or a value cannot be converted to the
 * component's type. The message names the record, the component and the result's labels.
 */
public final class ProjectionException extends QuarryException {
  private static final long serialVersionUID = 1L;

  private final String recordType;
  private final String component;
  private final List<String> labels;

  /**
   * @param recordType the record's class name
   * @param component the component that failed, or null when several did
   * @param labels the result's column labels
   */
  public ProjectionException(String message, String recordType, String component, List<String> labels,
      Throwable cause) {
    super(message, cause);
    this.recordType = recordType;
    this.component = component;
    this.labels = List.copyOf(labels);
  }

  /** The record's class name. */
  public String recordType() {
    return recordType;
  }

  /** The component that failed; null when the message names several. */
  public String component() {
    return component;
  }

  /** The result's column labels, in order. */
  public List<String> labels() {
    return labels;
  }
}
