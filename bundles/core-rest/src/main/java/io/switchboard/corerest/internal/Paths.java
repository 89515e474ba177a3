package io.switchboard.corerest.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The segments after a servlet's path ({@code getPathInfo()}, already decoded). */
final class Paths {

    private Paths() {
    }

    /** The path's segments, empty for the collection itself. */
    static List<String> segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return List.of();
        }
        return List.of(info.substring(1).split("/", -1));
    }

    /** The one segment of {@code /{id}}, null for the collection; 404 for anything deeper or empty. */
    static String single(HttpServletRequest request) throws ApiException {
        List<String> segments = segments(request);
        if (segments.isEmpty()) {
            return null;
        }
        if (segments.size() > 1 || segments.get(0).isEmpty()) {
            throw ApiException.notFound("There is no " + request.getRequestURI() + " in this API.");
        }
        return segments.get(0);
    }
}
