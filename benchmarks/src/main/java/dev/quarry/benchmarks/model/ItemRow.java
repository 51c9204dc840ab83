package dev.quarry.benchmarks.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The 10-column row as a plain object: what JDBC, jOOQ and MyBatis read into and write from. */
public final class ItemRow {
  private Long id;
  private String name;
  private String email;
  private int age;
  private double score;
  private boolean active;
  private LocalDateTime createdAt;
  private BigDecimal amount;
  private String category;
  private long counter;

  public ItemRow() {}

  /** Every column, in table order (JDBC and jOOQ map through this constructor). */
  public ItemRow(Long id, String name, String email, int age, double score, boolean active,
      LocalDateTime createdAt, BigDecimal amount, String category, long counter) {
    this.id = id;
    this.name = name;
    this.email = email;
    this.age = age;
    this.score = score;
    this.active = active;
    this.createdAt = createdAt;
    this.amount = amount;
    this.category = category;
    this.counter = counter;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public int getAge() {
    return age;
  }

  public void setAge(int age) {
    this.age = age;
  }

  public double getScore() {
    return score;
  }

  public void setScore(double score) {
    this.score = score;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(LocalDateTime createdAt) {
    this.createdAt = createdAt;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public long getCounter() {
    return counter;
  }

  public void setCounter(long counter) {
    this.counter = counter;
  }
}
