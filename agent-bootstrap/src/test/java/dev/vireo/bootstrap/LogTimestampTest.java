package dev.vireo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class LogTimestampTest {

  private static String format(long epochMillis, int offsetMillis) {
    StringBuilder out = new StringBuilder();
    LogTimestamp.append(out, epochMillis, offsetMillis);
    return out.toString();
  }

  @Test
  void formatsKnownInstants() {
    assertThat(format(0, 0)).isEqualTo("1970-01-01 00:00:00.000");
    assertThat(format(-1, 0)).isEqualTo("1969-12-31 23:59:59.999");
    assertThat(format(951_782_400_000L, 0)).isEqualTo("2000-02-29 00:00:00.000"); // leap day of a 400-year
    assertThat(format(1_795_310_000_123L, 0)).isEqualTo("2026-11-22 01:13:20.123");
    assertThat(format(1_795_310_000_123L, -5 * 3_600_000)).isEqualTo("2026-11-21 20:13:20.123");
    assertThat(format(1_795_310_000_123L, 5 * 3_600_000 + 45 * 60_000)).isEqualTo("2026-11-22 06:58:20.123");
  }

  @Test
  void agreesWithSimpleDateFormatOverTwoCenturiesAndZones() {
    Random random = new Random(11);
    for (String zone : new String[] {"UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Pacific/Apia"}) {
      TimeZone timeZone = TimeZone.getTimeZone(zone);
      SimpleDateFormat expected = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS");
      expected.setTimeZone(timeZone);
      for (int i = 0; i < 20_000; i++) {
        long millis = (long) (random.nextDouble() * 200 * 365.25 * 86_400_000L) - 50L * 365 * 86_400_000L;
        assertThat(format(millis, timeZone.getOffset(millis)))
            .as("%s at %d", zone, millis)
            .isEqualTo(expected.format(new Date(millis)));
      }
    }
  }
}
