/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;
import io.opentelemetry.context.Context;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictBaggagePropagatorTest {

  private final StrictBaggagePropagator propagator = StrictBaggagePropagator.getInstance();

  @Test
  void fieldIsLowercaseBaggage() {
    assertThat(propagator.fields()).containsExactly("baggage");
  }

  @Test
  void roundTripCombinesFieldsAndKeepsProperties() {
    Headers incoming =
        new Headers()
            .add("Baggage", "userId=alice")
            .add("BAGGAGE", "serverNode = DF%2028 ; region=eu, isProduction=false,bad key=1");

    Context context = propagator.extract(Context.root(), incoming, Headers.GETTER);
    Headers outgoing = new Headers();
    propagator.inject(context, outgoing, Headers.SETTER);

    Baggage baggage = Baggage.fromContext(context);
    assertThat(baggage.getEntryValue("serverNode")).isEqualTo("DF 28");
    assertThat(baggage.getEntry("serverNode").getMetadata().getValue()).isEqualTo("region=eu");
    assertThat(outgoing.written())
        .containsExactly(
            Map.entry(
                "baggage",
                "isProduction=false,serverNode=DF%2028;region=eu,userId=alice"));
  }

  @Test
  void nothingValidLeavesTheContextsBaggage() {
    Baggage existing = Baggage.builder().put("k", "v").build();
    Context context = Context.root().with(existing);

    Context extracted =
        propagator.extract(context, new Headers().add("baggage", "bad key=1, ,"), Headers.GETTER);

    assertThat(extracted).isSameAs(context);
  }

  @Test
  void extractReplacesTheContextsBaggage() {
    Context context = Context.root().with(Baggage.builder().put("old", "v").build());

    Context extracted =
        propagator.extract(context, new Headers().add("baggage", "new=1"), Headers.GETTER);

    assertThat(Baggage.fromContext(extracted).asMap()).containsOnlyKeys("new");
  }

  @Test
  void injectsNothingForEmptyOrUnwritableBaggage() {
    Headers outgoing = new Headers();
    propagator.inject(Context.root(), outgoing, Headers.SETTER);
    propagator.inject(
        Context.root().with(Baggage.builder().put("bad key", "v").build()), outgoing, Headers.SETTER);

    assertThat(outgoing.written()).isEmpty();
  }

  @Test
  void injectEncodesValuesAndWritesMetadata() {
    Baggage baggage =
        Baggage.builder()
            .put("user", "J\u00fcrgen M\u00fcller", BaggageEntryMetadata.create("p1;p2=x"))
            .build();
    Headers outgoing = new Headers();

    propagator.inject(Context.root().with(baggage), outgoing, Headers.SETTER);

    assertThat(outgoing.written())
        .containsExactly(Map.entry("baggage", "user=J%C3%BCrgen%20M%C3%BCller;p1;p2=x"));
  }

  @Test
  void failingGetterOrSetterNeverThrows() {
    Context root = Context.root();
    assertThat(
            propagator.extract(
                root,
                new Headers(),
                new io.opentelemetry.context.propagation.TextMapGetter<Headers>() {
                  @Override
                  public Iterable<String> keys(Headers carrier) {
                    throw new IllegalStateException();
                  }

                  @Override
                  public String get(Headers carrier, String key) {
                    throw new IllegalStateException();
                  }
                }))
        .isSameAs(root);
    propagator.inject(
        root.with(Baggage.builder().put("k", "v").build()),
        new Headers(),
        (carrier, key, value) -> {
          throw new IllegalStateException();
        });
  }
}
