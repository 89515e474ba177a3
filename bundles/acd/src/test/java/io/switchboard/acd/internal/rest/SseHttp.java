package io.switchboard.acd.internal.rest;

import io.switchboard.testsupport.FakeHttp;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One event-stream request as the container would run it: {@link FakeHttp}'s request with
 * {@code startAsync}, a response with a writer, and an async context the test completes when the
 * client goes away. Any other call fails the test and names it.
 */
final class SseHttp {

    final StringWriter body = new StringWriter();
    final Map<String, String> headers = new HashMap<>();
    int status = 200;
    Long timeout;
    boolean completed;
    private final List<AsyncListener> listeners = new ArrayList<>();
    private final PrintWriter writer = new PrintWriter(body);

    private final AsyncContext async = (AsyncContext) Proxy.newProxyInstance(SseHttp.class.getClassLoader(),
            new Class<?>[] {AsyncContext.class}, (p, m, args) -> switch (m.getName()) {
                case "setTimeout" -> {
                    timeout = (Long) args[0];
                    yield null;
                }
                case "addListener" -> listeners.add((AsyncListener) args[0]);
                case "complete" -> {
                    completeAsync();
                    yield null;
                }
                case "getRequest", "getResponse" -> null; // an AsyncEvent asks; the listeners here do not use them
                default -> throw FakeHttp.unexpected("AsyncContext." + m.getName());
            });

    final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(SseHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> switch (m.getName()) {
                case "setStatus" -> {
                    status = (Integer) args[0];
                    yield null;
                }
                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                case "setCharacterEncoding" -> null;
                case "getWriter" -> writer;
                default -> throw FakeHttp.unexpected(m.getName());
            });

    /** A GET of {@code pathInfo} under the servlet's path, by a user with {@code role}. */
    HttpServletRequest request(String servletPath, String pathInfo, String role) {
        HttpServletRequest plain = FakeHttp.get(servletPath, pathInfo, role);
        return (HttpServletRequest) Proxy.newProxyInstance(SseHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> {
                    if (m.getName().equals("startAsync") && (args == null || args.length == 0)) {
                        return async;
                    }
                    try {
                        return m.invoke(plain, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The client went away: the container completes the response. */
    void clientLeaves() {
        completeAsync();
    }

    private void completeAsync() {
        if (completed) {
            throw new IllegalStateException("already completed");
        }
        completed = true;
        for (AsyncListener listener : listeners) {
            try {
                listener.onComplete(new AsyncEvent(async));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The events written so far, each as "event: …\ndata: …", keep-alive comments included as written. */
    List<String> frames() {
        writer.flush();
        String text = body.toString();
        return text.isEmpty() ? List.of() : List.of(text.split("\n\n"));
    }
}
