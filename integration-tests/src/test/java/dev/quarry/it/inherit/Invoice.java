package dev.quarry.it.inherit;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/** A one-to-many to the base of the joined hierarchy: payments of every class. */
@Entity
@Table(name = "jn_invoice")
public class Invoice {
  @Id @GeneratedValue Long id;
  String number;
  @OneToMany(mappedBy = "invoice", orderBy = "id")
  private List<Payment> payments = new ArrayList<>();
  /** The same foreign key seen from a subclass: only card payments. */
  @OneToMany(mappedBy = "invoice", orderBy = "id")
  private List<CardPayment> cards = new ArrayList<>();

  public Invoice() {}

  public Invoice(String number) {
    this.number = number;
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public List<Payment> getPayments() {
    return payments;
  }

  public void setPayments(List<Payment> payments) {
    this.payments = payments;
  }

  public List<CardPayment> getCards() {
    return cards;
  }

  public void setCards(List<CardPayment> cards) {
    this.cards = cards;
  }
}
