package io.switchboard.testsupport;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough of a servlet request and response, as dynamic proxies, to drive the bundles'
 * servlets and filters in unit tests. A call the doubles do not model fails the test and names
 * it, so code under test that starts using more of the API shows up rather than passing by accident.
 */
public final class FakeHttp {

    private FakeHttp() {
    }

    public static AssertionError unexpected(String method) {
        return new AssertionError("the code under test called " + method + ", which this test double does not model");
    }

    /** A request as the console's filter leaves it: a user with one role (null: none), query parameters, a body. */
    public static HttpServletRequest request(String method, String servletPath, String pathInfo, String user, String role,
            Map<String, String> parameters, String body) {
        return proxy(method, servletPath, pathInfo, user, role, null, parameters, body);
    }

    /** The same without query parameters. */
    public static HttpServletRequest request(String method, String servletPath, String pathInfo, String user, String role,
            String body) {
        return proxy(method, servletPath, pathInfo, user, role, null, Map.of(), body);
    }

    public static HttpServletRequest get(String servletPath, String pathInfo, String role) {
        return request("GET", servletPath, pathInfo, "someone", role, Map.of(), null);
    }

    /** A request before authentication: no user yet, an {@code Authorization} header (or null). */
    public static HttpServletRequest withAuthorization(String method, String servletPath, String pathInfo,
            String authorization) {
        return proxy(method, servletPath, pathInfo, null, null, authorization, Map.of(), null);
    }

    private static HttpServletRequest proxy(String method, String servletPath, String pathInfo, String user, String role,
            String authorization, Map<String, String> parameters, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> attributes = new HashMap<>();
        Principal principal = user == null ? null : () -> user;
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> servletPath + (pathInfo == null ? "" : pathInfo);
                    case "getRemoteUser" -> user;
                    case "getUserPrincipal" -> principal;
                    case "getAuthType" -> null;
                    case "getRemoteAddr" -> "192.0.2.1";
                    case "isUserInRole" -> role != null && role.equals(args[0]);
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getContentLengthLong" -> (long) bytes.length;
                    case "getInputStream" -> input(bytes);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> throw unexpected(m.getName());
                });
    }

    private static ServletInputStream input(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw unexpected("setReadListener");
            }
        };
    }

    /** A response that records its status, headers and body. */
    public static final class Response {
        public int status = 200;
        public final Map<String, String> headers = new HashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        public final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(
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

        public String body() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
