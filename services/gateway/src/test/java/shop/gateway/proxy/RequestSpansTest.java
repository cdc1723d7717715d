package shop.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.Collection;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestSpansTest {

  private final BlockingQueue<SpanData> ended = new LinkedBlockingQueue<>();
  private Vertx vertx;
  private HttpClient client;
  private int port;

  /** A route behind RequestSpans that answers with the traceparent the upstream call would carry. */
  @BeforeEach
  void serve() throws Exception {
    SdkTracerProvider tracing = SdkTracerProvider.builder()
        .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
        .addSpanProcessor(SimpleSpanProcessor.create(new Collecting()))
        .build();
    RequestSpans spans = new RequestSpans(tracing.get("test"));
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(spans::handle);
    router.route().handler(ctx -> {
      RequestSpans.named(ctx, "placeOrder");
      ctx.response().setStatusCode(202).end(ctx.<String>get(RequestSpans.TRACEPARENT));
    });
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get();
    port = server.actualPort();
    client = vertx.createHttpClient();
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @Test
  void aRequestWithoutTraceStartsOneWithTheGatewaysSpanAsItsRoot() throws Exception {
    String upstream = call(null);

    assertThat(upstream).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    SpanData span = awaitOneSpan();
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getName()).isEqualTo("placeOrder");
    assertThat(upstream).isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01");
  }

  @Test
  void theClientsTraceGoesOnWithTheGatewaysSpanAsTheUpstreamsParent() throws Exception {
    String upstream = call("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    SpanData span = awaitOneSpan();
    assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(upstream).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-" + span.getSpanId() + "-01");
    assertThat(span.getAttributes().asMap().toString()).contains("http.response.status_code=202");
  }

  @Test
  void aClientsDecisionNotToSampleIsKeptAndNothingIsRecorded() throws Exception {
    String upstream = call("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");

    assertThat(upstream).startsWith("00-0af7651916cd43dd8448eb211c80319c-").endsWith("-00");
    assertThat(ended).isEmpty();
  }

  @Test
  void anInvalidTraceparentStartsANewTrace() throws Exception {
    String upstream = call("00-00000000000000000000000000000000-b7ad6b7169203331-01");

    assertThat(upstream).doesNotContain("00000000000000000000000000000000");
    assertThat(awaitOneSpan().getParentSpanContext().isValid()).isFalse();
  }

  private String call(String traceparent) throws Exception {
    return client.request(HttpMethod.POST, port, "127.0.0.1", "/api/v1/orders")
        .compose(request -> {
          if (traceparent != null) {
            request.putHeader(RequestSpans.TRACEPARENT, traceparent);
          }
          return request.send();
        })
        .compose(HttpClientResponse::body)
        .toCompletionStage().toCompletableFuture().get().toString();
  }

  /** The span ends once the response has been written, which may be just after the client read it. */
  private SpanData awaitOneSpan() throws InterruptedException {
    SpanData span = ended.poll(5, TimeUnit.SECONDS);
    assertThat(span).as("a span ended").isNotNull();
    assertThat(ended).isEmpty();
    return span;
  }

  private final class Collecting implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      ended.addAll(spans);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
