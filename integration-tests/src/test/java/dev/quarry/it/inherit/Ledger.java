package dev.quarry.it.inherit;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinTable;
import dev.quarry.annotation.ManyToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/** A many-to-many collection of a subclass of the joined hierarchy (CardPayment). */
@Entity
@Table(name = "jn_ledger")
public class Ledger {
  @Id @GeneratedValue Long id;
  String name;
  @ManyToMany(orderBy = "payer")
  @JoinTable(name = "jn_ledger_cards", joinColumn = "ledger", inverseJoinColumn = "payment")
  private List<CardPayment> cards = new ArrayList<>();

  public Ledger() {}

  public Ledger(String name) {
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public List<CardPayment> getCards() {
    return cards;
  }

  public void setCards(List<CardPayment> cards) {
    this.cards = cards;
  }
}
