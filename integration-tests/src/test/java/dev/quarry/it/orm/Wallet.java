package dev.quarry.it.orm;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;
import dev.quarry.annotation.Version;

/** A versioned session test entity with an application-assigned id. */
@Entity
@Table(name = "orm_wallets")
public class Wallet {
  @Id private Long id;
  private String owner;
  private long balance;
  @Version private int version;

  public Wallet() {}

  public Wallet(long id, String owner, long balance) {
    this.id = id;
    this.owner = owner;
    this.balance = balance;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public long getBalance() {
    return balance;
  }

  public void setBalance(long balance) {
    this.balance = balance;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
