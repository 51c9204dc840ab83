package dev.quarry.it;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.GenerationType;
import dev.quarry.annotation.Id;
import java.math.BigDecimal;

/** Keys from a sequence with pooled allocation (small blocks so tests cross block boundaries). */
@Entity
public class Invoice {
  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "invoice_numbers", allocationSize = 3)
  long number;
  @Column(index = true) String customer;
  @Column(precision = 10, scale = 2) BigDecimal amount;
}
