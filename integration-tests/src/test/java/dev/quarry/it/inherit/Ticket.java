package dev.quarry.it.inherit;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;

/** A many-to-one to the base class (lazy by default) and one to a subclass. */
@Entity
@Table(name = "inh_ticket")
public class Ticket {
  @Id @GeneratedValue Long id;
  String subject;
  @ManyToOne private Person assignee;
  @ManyToOne private Employee reviewer;

  public Ticket() {}

  public Ticket(String subject, Person assignee) {
    this.subject = subject;
    this.assignee = assignee;
  }

  public Long getId() {
    return id;
  }

  public Person getAssignee() {
    return assignee;
  }

  public void setAssignee(Person assignee) {
    this.assignee = assignee;
  }

  public Employee getReviewer() {
    return reviewer;
  }

  public void setReviewer(Employee reviewer) {
    this.reviewer = reviewer;
  }
}
