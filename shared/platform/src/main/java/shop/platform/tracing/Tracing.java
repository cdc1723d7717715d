package shop.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.tracing.opentelemetry.VertxContextStorageProvider;
import java.util.function.Supplier;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * W3C trace context (OpenTelemetry) for every service. Vert.x traces each HTTP request, event-bus
 * message and SQL query and passes the {@code traceparent} on to the next hop; events take the trace
 * context of the work that produced them (see {@link #current()}), and carry it through Kafka.
 *
 * <p>Work that does not start from a traced request (consuming an event, resuming a saga) joins the
 * trace it belongs to with {@link #inSpan}.
 *
 * <p>Spans are sent to Zipkin ({@code tracing.zipkin-url}) in batches, from a thread of their own;
 * when Zipkin is down they are dropped, never queued without bound or waited for. A new trace is
 * recorded with probability {@code tracing.sample-ratio}; a trace that arrives keeps its caller's
 * decision, so a trace is recorded whole or not at all.
 */
public final class Tracing {

  private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<JsonObject> JSON_HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(JsonObject carrier) {
      return carrier.fieldNames();
    }

    @Override
    public String get(JsonObject carrier, String key) {
      return carrier == null ? null : carrier.getString(key);
    }
  };

  private Tracing() {
  }

  /**
   * The service's tracer provider, from {@code tracing.zipkin-url} (blank: spans are not exported)
   * and {@code tracing.sample-ratio}. Close it on shutdown: that sends the spans still buffered.
   */
  public static OpenTelemetrySdk create(String serviceName, String instanceId, JsonObject config) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
        .put("service.name", serviceName)
        .put("service.instance.id", instanceId)
        .build()));
    SdkTracerProviderBuilder traces = SdkTracerProvider.builder()
        .setResource(resource)
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.getDouble("tracing.sample-ratio"))));
    String zipkin = config.getString("tracing.zipkin-url");
    if (!zipkin.isBlank()) {
      traces.addSpanProcessor(BatchSpanProcessor.builder(
          ZipkinSpanExporter.builder().setSender(URLConnectionSender.create(zipkin)).build()).build());
    }
    return OpenTelemetrySdk.builder()
        .setTracerProvider(traces.build())
        .setPropagators(ContextPropagators.create(PROPAGATOR))
        .build();
  }

  /** The trace context of the current work as W3C headers ({@code traceparent}, ...); empty outside a trace. */
  public static JsonObject current() {
    JsonObject headers = new JsonObject();
    PROPAGATOR.inject(Context.current(), headers, (carrier, key, value) -> carrier.put(key, value));
    return headers;
  }

  /**
   * A span of the trace given as W3C headers, for work that is not a callback chain (a Kafka send):
   * the caller ends it. Without a trace to join it records nothing, rather than start a trace of its own.
   */
  public static Span startSpan(Tracer tracer, String name, SpanKind kind, JsonObject traceHeaders) {
    Context parent = PROPAGATOR.extract(Context.root(), traceHeaders, JSON_HEADERS);
    if (!Span.fromContext(parent).getSpanContext().isValid()) {
      return Span.getInvalid();
    }
    return tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
  }

  /** The span's context as W3C headers; empty for a span that records nothing and carries no trace. */
  public static JsonObject headersOf(Span span) {
    JsonObject headers = new JsonObject();
    PROPAGATOR.inject(Context.root().with(span), headers, (carrier, key, value) -> carrier.put(key, value));
    return headers;
  }

  /**
   * Runs asynchronous work, called on a Vert.x context, in a new span of the trace given as W3C
   * headers (a new trace if they carry none). The work runs on a duplicate of the current Vert.x
   * context, as an HTTP request does, so the span stays current through every callback of the
   * work, and every event-bus message, HTTP call and event it makes carries it on.
   */
  public static <T> Future<T> inSpan(Tracer tracer, String name, SpanKind kind, JsonObject traceHeaders,
      Supplier<Future<T>> work) {
    return onOwnContext(() -> inSpanHere(tracer, name, kind, traceHeaders, work));
  }

  /**
   * Runs asynchronous work on a duplicate of the current Vert.x context, which it then owns: every
   * callback of the work (and of a database connection it opens) runs there, and nothing else does.
   */
  public static <T> Future<T> onOwnContext(Supplier<Future<T>> work) {
    ContextInternal duplicate = ((ContextInternal) Vertx.currentContext()).duplicate();
    Promise<T> result = duplicate.promise();
    duplicate.runOnContext(v -> work.get().onComplete(result));
    return result.future();
  }

  /**
   * Runs asynchronous work in a new span on the current context, which must be one the caller owns
   * (see {@link #onOwnContext}) and uses for one piece of work at a time: the events applied one
   * after another in one transaction, each in its own trace, whose connection calls back on that
   * context. The span stays current there until the next call.
   */
  public static <T> Future<T> inSpanHere(Tracer tracer, String name, SpanKind kind, JsonObject traceHeaders,
      Supplier<Future<T>> work) {
    Context parent = PROPAGATOR.extract(Context.root(), traceHeaders, JSON_HEADERS);
    Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
    VertxContextStorageProvider.VertxContextStorage.INSTANCE.attach((ContextInternal) Vertx.currentContext(),
        parent.with(span));
    return work.get().onComplete(done -> span.end());
  }
}
