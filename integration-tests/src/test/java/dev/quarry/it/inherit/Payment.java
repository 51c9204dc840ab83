package dev.quarry.it.inherit;

import dev.quarry.annotation.DiscriminatorColumn;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Inheritance;
import dev.quarry.annotation.InheritanceType;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;
import dev.quarry.annotation.Version;

/** Root of a joined hierarchy: table jn_payment holds the root's columns and the discriminator. */
@Entity
@Table(name = "jn_payment")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "kind", length = 20)
public class Payment {
  @Id @GeneratedValue Long id;
  String payer;
  Long amount;
  @Version Integer version;
  @ManyToOne private Invoice invoice;

  public Payment() {}

  public Payment(String payer, long amount) {
    this.payer = payer;
    this.amount = amount;
  }

  public Long getId() {
    return id;
  }

  public String getPayer() {
    return payer;
  }

  public void setPayer(String payer) {
    this.payer = payer;
  }

  public Long getAmount() {
    return amount;
  }

  public void setAmount(Long amount) {
    this.amount = amount;
  }

  public Integer getVersion() {
    return version;
  }

  public Invoice getInvoice() {
    return invoice;
  }

  public void setInvoice(Invoice invoice) {
    this.invoice = invoice;
  }
}
