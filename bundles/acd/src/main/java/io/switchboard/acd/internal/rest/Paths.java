package io.switchboard.acd.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The segments after a servlet's path ({@code getPathInfo()}, already decoded). */
final class Paths {

    private Paths() {
    }

    /** The path's segments, empty for the collection itself; 404 for an empty segment. */
    static List<String> segments(HttpServletRequest request) throws ApiException {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return List.of();
        }
        List<String> segments = List.of(info.substring(1).split("/", -1));
        if (segments.stream().anyMatch(String::isEmpty)) {
            throw notFound(request);
        }
        return segments;
    }

    static ApiException notFound(HttpServletRequest request) {
        return ApiException.notFound("There is no " + request.getRequestURI() + " in this API.");
    }
}
