package shop.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.vertx.core.json.JsonObject;

/**
 * W3C trace context (OpenTelemetry) for every service. Vert.x traces each HTTP request, event-bus
 * message and SQL query and passes the {@code traceparent} on to the next hop; events take the trace
 * context of the work that produced them (see {@link #current()}), and carry it through Kafka.
 *
 * <p>Spans are created and propagated but not exported: add a span exporter (OTLP) to
 * {@link #create} to send them to a collector.
 */
public final class Tracing {

  private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
  private Tracing() {
  }

  public static OpenTelemetry create(String serviceName, String instanceId) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
        .put("service.name", serviceName)
        .put("service.instance.id", instanceId)
        .build()));
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().setResource(resource).build())
        .setPropagators(ContextPropagators.create(PROPAGATOR))
        .build();
  }

  /** The trace context of the current work as W3C headers ({@code traceparent}, ...); empty outside a trace. */
  public static JsonObject current() {
    JsonObject headers = new JsonObject();
    PROPAGATOR.inject(Context.current(), headers, (carrier, key, value) -> carrier.put(key, value));
    return headers;
  }
}
