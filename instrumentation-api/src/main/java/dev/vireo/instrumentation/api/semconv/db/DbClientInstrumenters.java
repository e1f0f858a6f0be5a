package dev.vireo.instrumentation.api.semconv.db;

import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.ERROR_TYPE;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PEER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PEER_PORT;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_PORT;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.InstrumenterBuilder;
import dev.vireo.instrumentation.api.SpanFamily;
import dev.vireo.instrumentation.api.semconv.common.DurationMetric;
import dev.vireo.instrumentation.api.semconv.common.SemconvStability;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the Instrumenter of a database client library: the database client conventions in one
 * place. CLIENT spans, children of the current context; one span per logical operation (a pool or
 * driver statement delegating to another is suppressed through {@link SpanFamily#DB_CLIENT});
 * status ERROR when the operation throws; the {@code db.client.operation.duration} histogram. The
 * library's getter hands over raw facts only ({@link DbClientAttributesGetter}); query text,
 * summary, sanitization, analysis caching and batch naming are decided here.
 */
public final class DbClientInstrumenters {

  /** Bucket boundaries the conventions advise for {@code db.client.operation.duration}. */
  static final List<Double> BUCKETS = Arrays.asList(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

  static final List<AttributeKey<?>> METRIC_ATTRIBUTES =
      Arrays.<AttributeKey<?>>asList(
          DbAttributes.DB_SYSTEM_NAME,
          DbAttributes.DB_NAMESPACE,
          DbAttributes.DB_QUERY_SUMMARY,
          DbAttributes.DB_STORED_PROCEDURE_NAME,
          DbAttributes.DB_OPERATION_NAME,
          DbAttributes.DB_COLLECTION_NAME,
          DbAttributes.DB_RESPONSE_STATUS_CODE,
          ERROR_TYPE,
          SERVER_ADDRESS,
          SERVER_PORT,
          NETWORK_PEER_ADDRESS,
          NETWORK_PEER_PORT);

  private DbClientInstrumenters() {}

  /**
   * {@code libraryExtractors}: attributes only the library knows (none of the conventions' keys),
   * added after the conventions' own.
   */
  @SafeVarargs
  public static <REQUEST, RESPONSE> Instrumenter<REQUEST, RESPONSE> create(
      String instrumentationName,
      DbClientAttributesGetter<REQUEST, RESPONSE> getter,
      AttributesExtractor<? super REQUEST, ? super RESPONSE>... libraryExtractors) {
    DbOperationQuery<REQUEST> queries = new DbOperationQuery<>(
            getter, DbQuerySanitization.isEnabled(), DbQuerySanitization.isEnabledForParameterized());
    InstrumenterBuilder<REQUEST, RESPONSE> builder =
        Instrumenter.<REQUEST, RESPONSE>builder(instrumentationName, new DbSpanNames<>(getter, queries))
            .addAttributesExtractor(new DbClientAttributes<>(getter, queries, SemconvStability.emitOldDatabase()));
    for (AttributesExtractor<? super REQUEST, ? super RESPONSE> extractor : libraryExtractors) {
      builder.addAttributesExtractor(extractor);
    }
    return builder
        .addOperationListener(
            DurationMetric.create(
                "dev.vireo.db",
                "db.client.operation.duration",
                "Duration of database client operations.",
                METRIC_ATTRIBUTES,
                BUCKETS))
        .setExceptionTextRedactor(DbQuerySanitization.isEnabled() ? new DbExceptionTexts<>(getter) : null)
        .setSpanFamily(SpanFamily.DB_CLIENT)
        .build(SpanKind.CLIENT);
  }
}
