package dev.vireo.testapp.rxjava3;

import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.concurrent.TimeUnit;

/** Application methods returning RxJava 3 types, traced with {@code @WithSpan}. */
public class Shipments {

  /** A span made inside an operator of the returned chain. */
  public static void child(String name) {
    VireoTelemetry.get().getTracer("shipments").spanBuilder(name).startSpan().end();
  }

  @WithSpan
  public Single<String> ship(@SpanAttribute("parcel") String parcel, long delayMillis) {
    return Single.just(parcel)
        .delay(delayMillis, TimeUnit.MILLISECONDS)
        .map(
            value -> {
              child("label");
              return "shipped " + value;
            });
  }

  @WithSpan
  public Flowable<Integer> parcels(int count) {
    return Flowable.range(1, count)
        .observeOn(Schedulers.computation())
        .map(
            parcel -> {
              child("parcel-" + parcel);
              return parcel;
            });
  }

  @WithSpan
  public Maybe<String> lost() {
    return Maybe.timer(10, TimeUnit.MILLISECONDS).flatMap(tick -> Maybe.<String>error(new IllegalStateException("parcel lost")));
  }

  @WithSpan
  public Completable deliver() {
    return Completable.timer(10, TimeUnit.MILLISECONDS).doOnComplete(() -> child("delivered"));
  }

  @WithSpan
  public Observable<Long> track() {
    return Observable.interval(5, TimeUnit.MILLISECONDS);
  }

  @WithSpan
  public Flowable<Long> ticks() {
    return Flowable.interval(5, TimeUnit.MILLISECONDS);
  }

  @WithSpan
  public Observable<String> stops() {
    return Observable.just("a", "b").doOnNext(Shipments::child);
  }

  @WithSpan
  public String marker() {
    return "marker";
  }
}
