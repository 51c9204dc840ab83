package dev.quarry.it.types;

/** An enum with the default storage (name) and by ordinal; one constant outside ASCII. */
public enum Weather {
  SUNNY,
  CLOUDY,
  RAINY,
  GRÉSIL
}
