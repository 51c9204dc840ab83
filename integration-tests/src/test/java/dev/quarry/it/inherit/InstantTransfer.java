package dev.quarry.it.inherit;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Table;

/** Third level: its rows span jn_payment, bank_transfer and jn_instant_transfer. */
@Entity
@Table(name = "jn_instant_transfer")
public class InstantTransfer extends BankTransfer {
  int seconds;

  public InstantTransfer() {}

  public InstantTransfer(String payer, long amount, String iban, int seconds) {
    super(payer, amount, iban);
    this.seconds = seconds;
  }

  public int getSeconds() {
    return seconds;
  }

  public void setSeconds(int seconds) {
    this.seconds = seconds;
  }
}
