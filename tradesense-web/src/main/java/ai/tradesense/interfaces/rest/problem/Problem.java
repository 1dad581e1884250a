package ai.tradesense.interfaces.rest.problem;

import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import ai.tradesense.infrastructure.json.Json;

/**
 * An RFC 9457 problem document. {@code errors} names each offending field by its JSON path.
 *
 * @param slug   the problem type's last segment, e.g. {@code invalid-input}
 * @param status the HTTP status
 * @param title  a short, stable summary of the problem type
 * @param detail what went wrong this time, in words
 * @param errors field problems, possibly empty
 */
public record Problem(String slug, int status, String title, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:tradesense:problem:";

    /** One field's problem. */
    public record FieldError(String path, String message) { }

    public Problem {
        errors = List.copyOf(errors);
    }

    public static Problem of(Response.Status status, String slug, String detail) {
        return new Problem(slug, status.getStatusCode(), status.getReasonPhrase(), detail, List.of());
    }

    public Response toResponse(String instance) {
        return toResponseBuilder(instance).build();
    }

    public Response.ResponseBuilder toResponseBuilder(String instance) {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson(instance));
    }

    /** The RFC 9457 document, for answers written outside JAX-RS too. */
    public String toJson(String instance) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", TYPE_PREFIX + slug)
                .add("title", title)
                .add("status", status)
                .add("detail", detail == null ? title : detail);
        if (instance != null) {
            body.add("instance", instance);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder().add("path", e.path()).add("message", e.message())));
            body.add("errors", list);
        }
        return body.build().toString();
    }
}
