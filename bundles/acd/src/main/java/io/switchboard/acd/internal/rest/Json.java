package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * JSON in and out, and the error shape {@code {"error","message","problems"?}}: {@code problems}
 * lists each problem when there is more than one. Null fields are left out. Bodies are read as a
 * tree so that {@link Body} can report every wrong field, not only the first. Thread-safe: the
 * mapper is configured once, then only used.
 */
final class Json {

    /** A queue with all its steps is small; anything larger is refused unread. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ErrorBody(String error, String message, List<String> problems) {
    }

    private final ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        mapper.writeValue(response.getOutputStream(), body);
    }

    void error(HttpServletResponse response, ApiException e) throws IOException {
        List<String> problems = e.problems().size() > 1 ? e.problems() : List.of();
        write(response, e.status(), new ErrorBody(e.code(), e.getMessage(), problems));
    }

    /** The request's body, which must be one JSON object. */
    ObjectNode readObject(HttpServletRequest request) throws IOException, ApiException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (body.length == 0) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input back, which may hold a password: never pass it on
            throw ApiException.badRequest("The request body is not valid JSON.");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw ApiException.badRequest("The request body must be a JSON object.");
        }
        return object;
    }

    private static ApiException tooLarge() {
        return ApiException.badRequest("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
    }
}
