package io.switchboard.console.internal.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Just enough of a servlet request and response, as dynamic proxies, to drive the filter and servlets. */
final class FakeHttp {

    private FakeHttp() {
    }

    /**
     * What the doubles answer to a call they do not model: the test fails and names the call, so
     * code under test that starts using more of the API shows up here rather than passing by accident.
     */
    static AssertionError unexpected(String method) {
        return new AssertionError("the code under test called " + method + ", which this test double does not model");
    }

    static HttpServletRequest request(String method, String servletPath, String pathInfo, String authorization) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> servletPath + (pathInfo == null ? "" : pathInfo);
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "getRemoteAddr" -> "192.0.2.1";
                    case "getUserPrincipal", "getRemoteUser", "getAuthType" -> null;
                    case "isUserInRole" -> false;
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> throw unexpected(m.getName());
                });
    }

    /** A response that records what was written to it. */
    static final class Response {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(
                FakeHttp.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (p, m, args) -> switch (m.getName()) {
                    case "setStatus" -> {
                        status = (Integer) args[0];
                        yield null;
                    }
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    case "setCharacterEncoding", "reset" -> null;
                    case "isCommitted" -> false;
                    case "getOutputStream" -> new ServletOutputStream() {
                        @Override
                        public void write(int b) {
                            body.write(b);
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(WriteListener listener) {
                            throw unexpected("setWriteListener");
                        }
                    };
                    default -> throw unexpected(m.getName());
                });

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
