package dev.quarry.it.mapping;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.MappedSuperclass;

/** A second mixin level, whose state is private and reached through accessors. */
@MappedSuperclass
public abstract class AuditedMixin extends TimestampMixin {
  @Column(name = "note", length = 40)
  private String revisionNote;

  public String getRevisionNote() {
    return revisionNote;
  }

  public void setRevisionNote(String revisionNote) {
    this.revisionNote = revisionNote;
  }
}
