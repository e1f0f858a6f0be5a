package dev.vireo.instrumentation.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodNameIndexTest {

  private final MethodNameIndex index = new MethodNameIndex();

  @Test
  void eachNameKeepsOneBit() {
    long sendAndReceive = index.bitsOf(Arrays.asList("send", "receive"));
    long receiveAndClose = index.bitsOf(Arrays.asList("receive", "close"));

    assertThat(Long.bitCount(sendAndReceive)).isEqualTo(2);
    assertThat(Long.bitCount(receiveAndClose)).isEqualTo(2);
    assertThat(Long.bitCount(sendAndReceive & receiveAndClose)).isEqualTo(1); // receive's
    assertThat(index.bitsOf(Collections.singletonList("receive"))).isEqualTo(sendAndReceive & receiveAndClose);
  }

  @Test
  void theTableFindsNamesInsideLargerArraysByLengthAndBytes() {
    long send = index.bitsOf(Collections.singletonList("send"));
    long sent = index.bitsOf(Collections.singletonList("sent"));
    long execute = index.bitsOf(Collections.singletonList("execute"));
    MethodNameIndex.Table table = index.current();
    byte[] bytes = "xxsendsentexecuteexecuteQuery".getBytes(StandardCharsets.US_ASCII);

    assertThat(table.bitOf(bytes, 2, 4)).isEqualTo(send);
    assertThat(table.bitOf(bytes, 6, 4)).isEqualTo(sent);
    assertThat(table.bitOf(bytes, 10, 7)).isEqualTo(execute);
    assertThat(table.bitOf(bytes, 17, 12)).isZero(); // executeQuery: not a name here
    assertThat(table.bitOf(bytes, 1, 4)).isZero(); // "xsen"
    assertThat(table.bitOf(bytes, 0, 200)).isZero(); // longer than any name
  }

  @Test
  void namesThatCannotHaveABitGiveNoBitsAtAll() {
    assertThat(index.bitsOf(Arrays.asList("send", "s\u00e9nd"))).isZero();
    List<String> many = new ArrayList<>();
    for (int i = 0; i < MethodNameIndex.CAPACITY; i++) {
      many.add("m" + i);
    }
    assertThat(index.bitsOf(many)).isEqualTo(-1L); // exactly all 64 bits
    assertThat(index.bitsOf(Arrays.asList("m1", "one more"))).isZero();
    assertThat(index.bitsOf(Collections.singletonList("m1"))).isEqualTo(2L);
  }
}
