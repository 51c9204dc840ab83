package dev.quarry.it;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Convert;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.EnumType;
import dev.quarry.annotation.Enumerated;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Every supported property type, primitive and boxed, with an identity key. */
@Entity
@Table(name = "all_types")
public class AllTypes {
  @Id @GeneratedValue Long id;
  boolean primitiveBoolean;
  byte primitiveByte;
  short primitiveShort;
  int primitiveInt;
  long primitiveLong;
  float primitiveFloat;
  double primitiveDouble;
  char primitiveChar;
  Boolean boxedBoolean;
  Byte boxedByte;
  Short boxedShort;
  Integer boxedInt;
  Long boxedLong;
  Float boxedFloat;
  Double boxedDouble;
  Character boxedChar;
  @Column(length = 400) String text;
  @Column(precision = 38, scale = 10) BigDecimal decimal;
  BigInteger bigInteger;
  LocalDate localDate;
  LocalTime localTime;
  LocalDateTime localDateTime;
  OffsetDateTime offsetDateTime;
  Instant instant;
  UUID uuid;
  byte[] bytes;
  Mood moodByName;
  @Enumerated(EnumType.ORDINAL) Mood moodByOrdinal;
  @Convert(MoneyConverter.class) @Column(length = 60) Money price;
}
