package dev.quarry.it.inherit;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;

/** A many-to-one to the base of the joined hierarchy. */
@Entity
@Table(name = "jn_refund")
public class Refund {
  @Id @GeneratedValue Long id;
  String reason;
  @ManyToOne private Payment payment;

  public Refund() {}

  public Refund(String reason, Payment payment) {
    this.reason = reason;
    this.payment = payment;
  }

  public Long getId() {
    return id;
  }

  public Payment getPayment() {
    return payment;
  }

  public void setPayment(Payment payment) {
    this.payment = payment;
  }
}
