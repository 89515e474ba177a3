package io.switchboard.sip.internal.registrar;

import java.util.List;

/** What a REGISTER comes to. */
public sealed interface RegisterResult {

    /** 200 OK listing the user's bindings now. */
    record Accepted(List<Binding> bindings) implements RegisterResult {
        public Accepted {
            bindings = List.copyOf(bindings);
        }
    }

    /** 423 Interval Too Brief with Min-Expires. */
    record TooBrief(int minExpires) implements RegisterResult {
    }

    /** 400 Bad Request (a wildcard with other contacts or a non-zero expiry). */
    record Invalid(String reason) implements RegisterResult {
    }
}
