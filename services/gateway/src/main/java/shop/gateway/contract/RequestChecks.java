package shop.gateway.contract;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import shop.platform.http.Problem.FieldError;
import shop.platform.http.TextInput;

/**
 * The checks of one operation's requests: its path and query parameters and its JSON body, each
 * against its schema in the contract. The schema validators are built once, when the contract is
 * loaded (vertx-openapi's own request validator builds them anew for every request, which is slow
 * and grows its schema repository without end).
 */
final class RequestChecks {

  private record ParameterCheck(String name, Location in, boolean required, boolean integer, Validator validator) {
  }

  private final String[] pathTemplate;
  private final List<ParameterCheck> parameters = new ArrayList<>();
  private final boolean bodyRequired;
  private final Validator body;

  RequestChecks(Operation operation, SchemaRepository schemas) {
    pathTemplate = operation.getOpenAPIPath().split("/");
    for (Parameter parameter : operation.getParameters()) {
      if (parameter.getIn() != Location.COOKIE) {
        JsonSchema schema = parameter.getSchema();
        boolean anyString = anyString(schema);
        // A path parameter is there once the path matched; if any string will do, nothing is left to check.
        if (parameter.getIn() == Location.PATH && anyString) {
          continue;
        }
        parameters.add(new ParameterCheck(parameter.getName(), parameter.getIn(), parameter.isRequired(),
            "integer".equals(schema.get("type")), anyString ? null : schemas.validator(schema)));
      }
    }
    RequestBody requestBody = operation.getRequestBody();
    MediaType json = requestBody == null ? null : requestBody.getContent().get(MediaType.APPLICATION_JSON);
    bodyRequired = requestBody != null && requestBody.isRequired();
    body = json == null ? null : schemas.validator(json.getSchema());
  }

  /** Whether the operation takes a JSON body. */
  boolean takesJson() {
    return body != null;
  }

  /** Whether every request is valid as far as the contract says (e.g. a GET of {@code /products/{id}}). */
  boolean none() {
    return parameters.isEmpty() && body == null;
  }

  /** The request's invalid fields; none if it is valid. */
  List<FieldError> check(String path, MultiMap query, MultiMap headers, Buffer content) {
    List<FieldError> errors = new ArrayList<>();
    String[] segments = path.split("/");
    for (ParameterCheck parameter : parameters) {
      String raw = switch (parameter.in()) {
        case PATH -> pathSegment(segments, parameter.name());
        case HEADER -> headers.get(parameter.name());
        default -> query.get(parameter.name());
      };
      if (raw == null) {
        if (parameter.required()) {
          errors.add(new FieldError(parameter.name(), "is required"));
        }
        continue;
      }
      checkParameter(parameter, raw, errors);
    }
    if (body != null) {
      checkBody(content, errors);
    }
    return errors;
  }

  /** Whether the schema accepts any string, as every raw parameter value is one. */
  private static boolean anyString(JsonSchema schema) {
    return "string".equals(schema.get("type"))
        && schema.fieldNames().stream().allMatch(key -> key.equals("type") || key.startsWith("__"));
  }

  private void checkParameter(ParameterCheck parameter, String raw, List<FieldError> errors) {
    if (parameter.validator() == null) {
      return;
    }
    Object value = raw;
    if (parameter.integer()) {
      try {
        value = Long.parseLong(raw);
      } catch (NumberFormatException e) {
        errors.add(new FieldError(parameter.name(), "must be a whole number"));
        return;
      }
    }
    OutputUnit result = parameter.validator().validate(value);
    if (!Boolean.TRUE.equals(result.getValid())) {
      errors.add(new FieldError(parameter.name(), firstError(result)));
    }
  }

  private void checkBody(Buffer content, List<FieldError> errors) {
    if (content == null || content.length() == 0) {
      if (bodyRequired) {
        errors.add(new FieldError("body", "is required"));
      }
      return;
    }
    Object json;
    try {
      json = Json.decodeValue(content);
    } catch (DecodeException e) {
      errors.add(new FieldError("body", "is not valid JSON"));
      return;
    }
    OutputUnit result = body.validate(json);
    if (!Boolean.TRUE.equals(result.getValid())) {
      ApiContract.collect(result, errors);
    }
    TextInput.checkJson(json, "", errors);
  }

  private String pathSegment(String[] segments, String name) {
    String placeholder = "{" + name + "}";
    for (int i = 0; i < pathTemplate.length && i < segments.length; i++) {
      if (pathTemplate[i].equals(placeholder)) {
        return URLDecoder.decode(segments[i], StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String firstError(OutputUnit unit) {
    if (unit.getErrors() != null) {
      for (OutputUnit child : unit.getErrors()) {
        String error = firstError(child);
        if (error != null) {
          return error;
        }
      }
    }
    return unit.getError();
  }
}
