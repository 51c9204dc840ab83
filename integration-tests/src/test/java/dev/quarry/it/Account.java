package dev.quarry.it;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;
import dev.quarry.annotation.Version;

/** A bank account with an application-assigned id and a boxed version (null until the library sets it). */
@Entity
@Table(name = "accounts")
public class Account {
  @Id Long id;
  String owner;
  long balance;
  @Version Long version;

  public Account() {}

  Account(long id, String owner, long balance) {
    this.id = id;
    this.owner = owner;
    this.balance = balance;
  }

  public Long getId() {
    return id;
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

  /** A business method that writes its field directly, not through the intercepted setter. */
  public void deposit(long amount) {
    balance += amount;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
