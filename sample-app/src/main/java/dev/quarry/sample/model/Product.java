package dev.quarry.sample.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** Something the shop sells; prices in cents. */
@Entity
@Table(name = "products")
public class Product {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, unique = true, length = 40) private String sku;
  @Column(nullable = false, length = 120) private String name;
  @Column(nullable = false) private Long priceCents;
  @Column(nullable = false) private Integer stock;

  public Product() {}

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getSku() {
    return sku;
  }

  public void setSku(String sku) {
    this.sku = sku;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Long getPriceCents() {
    return priceCents;
  }

  public void setPriceCents(Long priceCents) {
    this.priceCents = priceCents;
  }

  public Integer getStock() {
    return stock;
  }

  public void setStock(Integer stock) {
    this.stock = stock;
  }
}
