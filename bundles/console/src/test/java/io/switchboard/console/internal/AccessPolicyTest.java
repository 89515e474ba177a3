package io.switchboard.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final AuthenticatedUser AGENT = new AuthenticatedUser("1001", Role.AGENT);
    private final List<String> looked = new ArrayList<>();
    private final AccessPolicy policy = new AccessPolicy(secret -> {
        looked.add(secret);
        return "good-token".equals(secret) ? Optional.of(AGENT) : Optional.empty();
    });

    @Test
    void healthAndLoginAreOpenWithoutAToken() throws Exception {
        assertThat(policy.decide("GET", "/api/v1/health", null)).isInstanceOf(AccessDecision.Open.class);
        assertThat(policy.decide("HEAD", "/api/v1/health", null)).isInstanceOf(AccessDecision.Open.class);
        assertThat(policy.decide("POST", "/api/v1/auth/token", null)).isInstanceOf(AccessDecision.Open.class);
        assertThat(looked).isEmpty();
    }

    @Test
    void openPathsAreExactMatches() throws Exception {
        assertThat(policy.decide("POST", "/api/v1/health", null)).isInstanceOf(AccessDecision.Unauthenticated.class);
        assertThat(policy.decide("GET", "/api/v1/auth/token", null)).isInstanceOf(AccessDecision.Unauthenticated.class);
        assertThat(policy.decide("GET", "/api/v1/health/x", null)).isInstanceOf(AccessDecision.Unauthenticated.class);
        assertThat(policy.decide("GET", "/api/v1/healthz", null)).isInstanceOf(AccessDecision.Unauthenticated.class);
        assertThat(policy.decide("get", "/api/v1/health", null)).isInstanceOf(AccessDecision.Unauthenticated.class);
    }

    @Test
    void missingTokenIsUnauthorized() throws Exception {
        assertThat(policy.decide("GET", "/api/v1/bundles", null))
                .isEqualTo(new AccessDecision.Unauthenticated("unauthorized",
                        "This request needs a bearer token: POST /api/v1/auth/token first."));
        assertThat(policy.decide("GET", "/api/v1/nowhere", "  ")).isInstanceOf(AccessDecision.Unauthenticated.class);
    }

    @Test
    void otherSchemesAndGarbageAreInvalidTokens() throws Exception {
        assertThat(decisionFor("Basic YWRtaW46YWRtaW4=")).extracting("error").isEqualTo("invalid_token");
        assertThat(decisionFor("Bearer")).extracting("error").isEqualTo("invalid_token");
        assertThat(decisionFor("Bearer two words")).extracting("error").isEqualTo("invalid_token");
        assertThat(looked).isEmpty();
    }

    @Test
    void unknownExpiredOrRevokedTokenIsInvalid() throws Exception {
        assertThat(decisionFor("Bearer not-a-live-token")).extracting("error").isEqualTo("invalid_token");
        assertThat(looked).containsExactly("not-a-live-token");
    }

    @Test
    void liveTokenIsGrantedWithItsUser() throws Exception {
        assertThat(policy.decide("DELETE", "/api/v1/acd/queues/vip", "Bearer good-token"))
                .isEqualTo(new AccessDecision.Granted(AGENT));
        assertThat(policy.decide("GET", "/api/v1/x", "bearer good-token")).isEqualTo(new AccessDecision.Granted(AGENT));
    }

    @Test
    void rolesAreFlat() {
        assertThat(AGENT.hasRole("agent")).isTrue();
        assertThat(AGENT.hasRole("admin")).isFalse();
        assertThat(new AuthenticatedUser("admin", Role.ADMIN).hasRole("supervisor")).isFalse();
        assertThat(new AuthenticatedUser("admin", Role.ADMIN).hasRole("ADMIN")).isFalse();
    }

    private AccessDecision decisionFor(String authorization) throws Exception {
        return policy.decide("GET", "/api/v1/calls", authorization);
    }
}
