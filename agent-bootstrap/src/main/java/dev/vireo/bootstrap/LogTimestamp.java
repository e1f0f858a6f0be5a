package dev.vireo.bootstrap;

import java.util.TimeZone;

/**
 * Writes {@code yyyy-MM-dd HH:mm:ss.SSS} in the default time zone by arithmetic. Why not SimpleDateFormat: its first
 * use initialises the CLDR locale providers (~50 classes, tens of ms of CPU and, on a busy machine, up to half a
 * second of wall time) and the agent's first log line is written in premain, on the application's main thread.
 */
final class LogTimestamp {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private LogTimestamp() {}

  static void append(StringBuilder out, long epochMillis) {
    append(out, epochMillis, TimeZone.getDefault().getOffset(epochMillis));
  }

  static void append(StringBuilder out, long epochMillis, int offsetMillis) {
    long local = epochMillis + offsetMillis;
    long days = Math.floorDiv(local, MILLIS_PER_DAY);
    long millisOfDay = Math.floorMod(local, MILLIS_PER_DAY);

    // Civil date from days since 1970-01-01 (proleptic Gregorian), counting in 400-year eras that start on March 1st
    // so the leap day is the last day of a year.
    long shifted = days + 719_468;
    long era = Math.floorDiv(shifted, 146_097);
    long dayOfEra = shifted - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthFromMarch = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    pad(out, year, 4).append('-');
    pad(out, month, 2).append('-');
    pad(out, day, 2).append(' ');
    pad(out, millisOfDay / 3_600_000, 2).append(':');
    pad(out, millisOfDay / 60_000 % 60, 2).append(':');
    pad(out, millisOfDay / 1000 % 60, 2).append('.');
    pad(out, millisOfDay % 1000, 3);
  }

  private static StringBuilder pad(StringBuilder out, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }
}
