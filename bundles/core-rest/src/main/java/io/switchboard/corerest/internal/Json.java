package io.switchboard.corerest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON in and out, and the API's error shape {@code {"error","message"}}. Null fields are left out
 * ({@code callId} of an entry without a call). Thread-safe: the mapper is configured once, then only used.
 */
final class Json {

    /** A route with its params is small; anything larger is refused unread. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    record ErrorBody(String error, String message) {
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
        write(response, e.status(), new ErrorBody(e.code(), e.getMessage()));
    }

    <T> T read(HttpServletRequest request, Class<T> type) throws IOException, ApiException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw ApiException.badRequest("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw ApiException.badRequest("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return parse(body, type);
    }

    <T> T parse(byte[] body, Class<T> type) throws IOException, ApiException {
        if (body.length == 0) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("The request body must be a JSON object, not null.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("The request body has an unknown field '" + e.getPropertyName() + "'.");
        } catch (JsonParseException e) {
            throw ApiException.badRequest("The request body is not valid JSON.");
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input back: never pass it on
            throw ApiException.badRequest("The request body does not have the fields this endpoint takes.");
        }
    }

    String toJson(Object value) throws JsonProcessingException {
        return mapper.writeValueAsString(value);
    }
}
