package dev.quarry.it.inherit;

import dev.quarry.annotation.DiscriminatorValue;
import dev.quarry.annotation.Entity;

/** A joined subclass without @Table: its table is named from the class (bank_transfer). */
@Entity
@DiscriminatorValue("transfer")
public class BankTransfer extends Payment {
  String iban;

  public BankTransfer() {}

  public BankTransfer(String payer, long amount, String iban) {
    super(payer, amount);
    this.iban = iban;
  }

  public String getIban() {
    return iban;
  }

  public void setIban(String iban) {
    this.iban = iban;
  }
}
