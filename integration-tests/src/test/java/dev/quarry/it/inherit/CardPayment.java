package dev.quarry.it.inherit;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.DiscriminatorValue;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Table;

/** A joined subclass with its own table (key = foreign key to jn_payment) and a NOT NULL column. */
@Entity
@Table(name = "jn_card_payment")
@DiscriminatorValue("card")
public class CardPayment extends Payment {
  String cardNumber;
  @Column(nullable = false) String network;

  public CardPayment() {}

  public CardPayment(String payer, long amount, String cardNumber, String network) {
    super(payer, amount);
    this.cardNumber = cardNumber;
    this.network = network;
  }

  public String getCardNumber() {
    return cardNumber;
  }

  public void setCardNumber(String cardNumber) {
    this.cardNumber = cardNumber;
  }

  public String getNetwork() {
    return network;
  }

  public void setNetwork(String network) {
    this.network = network;
  }
}
