package shop.platform.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.platform.http.Problem.FieldError;

/**
 * Refuses a request whose headers, query parameters or path hold text the shop does not accept
 * (see {@link TextInput}) with a 400 naming each one, before any handler can pass it to a database.
 * Body fields are checked as they are read, by {@link JsonRequest}.
 */
public final class TextInputHandler implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, String> header : ctx.request().headers()) {
      TextInput.headerRefusal(header.getValue())
          .ifPresent(reason -> errors.add(new FieldError(header.getKey(), reason)));
    }
    MultiMap query;
    String path;
    try {
      query = ctx.queryParams();
      path = QueryStringDecoder.decodeComponent(ctx.request().path());
    } catch (IllegalArgumentException e) {
      ctx.fail(Problem.badRequest("The request URI is not validly percent-encoded", List.of()));
      return;
    }
    for (Map.Entry<String, String> parameter : query) {
      TextInput.refusal(parameter.getKey() + parameter.getValue(), false)
          .ifPresent(reason -> errors.add(new FieldError(parameter.getKey(), reason)));
    }
    TextInput.refusal(path, false).ifPresent(reason -> errors.add(new FieldError("path", reason)));
    if (errors.isEmpty()) {
      ctx.next();
    } else {
      ctx.fail(Problem.invalidFields(errors));
    }
  }
}
