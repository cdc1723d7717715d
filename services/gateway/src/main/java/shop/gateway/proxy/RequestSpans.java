package shop.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Records every API request as a server span of the gateway: a child of the client's
 * {@code traceparent} when it sent a valid one, else the root of a new trace. The upstream call
 * carries the span on as its {@code traceparent}, so the whole request is one trace.
 *
 * <p>The gateway traces by hand rather than through Vert.x's tracer: one span a request, and none of
 * the context bookkeeping a traced HTTP client and server would add to its hot path.
 */
public final class RequestSpans {

  public static final String TRACEPARENT = "traceparent";
  private static final String SPAN = "shop.gateway.span";
  private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<HttpServerRequest> REQUEST_HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(HttpServerRequest request) {
      return request.headers().names();
    }

    @Override
    public String get(HttpServerRequest request, String key) {
      return request == null ? null : request.getHeader(key);
    }
  };

  private final Tracer tracer;

  public RequestSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    Context parent = PROPAGATOR.extract(Context.root(), request, REQUEST_HEADERS);
    Span span = tracer.spanBuilder(request.method().name())
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", request.method().name())
        .setAttribute("url.path", request.path())
        .startSpan();
    ctx.put(SPAN, span);
    ctx.put(TRACEPARENT, traceparent(span.getSpanContext()));
    ctx.addEndHandler(ended -> {
      span.setAttribute("http.response.status_code", ctx.response().getStatusCode());
      span.end();
    });
    ctx.next();
  }

  /** Names the request's span after the operation it turned out to be ({@code placeOrder}, ...). */
  public static void named(RoutingContext ctx, String operationId) {
    ctx.<Span>get(SPAN).updateName(operationId);
  }

  /** {@code 00-<trace id>-<span id>-<flags>}: the span as the parent of the upstream call. */
  static String traceparent(SpanContext span) {
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
  }
}
