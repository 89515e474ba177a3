package io.switchboard.console.internal.web;

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
 * JSON in and out for the console's endpoints, and the one error shape of the API:
 * {@code {"error":"<code>","message":"<sentence>"}}. One per component; thread-safe (the
 * ObjectMapper is configured once, then only used).
 */
public final class Json {

    /** Bodies the console accepts are a few short fields; anything larger is refused unread. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    /** The error body; also the documentation of its shape. */
    public record ErrorBody(String error, String message) {
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        mapper.writeValue(response.getOutputStream(), body);
    }

    public void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        write(response, status, new ErrorBody(code, message));
    }

    public <T> T read(HttpServletRequest request, Class<T> type) throws IOException, BadRequestException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BadRequestException("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequestException("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return parse(body, type);
    }

    <T> T parse(byte[] body, Class<T> type) throws IOException, BadRequestException {
        if (body.length == 0) {
            throw new BadRequestException("The request needs a JSON body.");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new BadRequestException("The request body must be a JSON object, not null.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequestException("The request body has an unknown field '" + e.getPropertyName() + "'.");
        } catch (JsonParseException e) {
            throw new BadRequestException("The request body is not valid JSON.");
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the input back (a password, say): never pass it on.
            throw new BadRequestException("The request body does not have the fields this endpoint takes.");
        }
    }

    /** For tests and for servlets that build a body before deciding its status. */
    String toJson(Object value) throws JsonProcessingException {
        return mapper.writeValueAsString(value);
    }
}
