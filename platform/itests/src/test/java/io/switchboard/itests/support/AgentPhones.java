package io.switchboard.itests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/** Demo agents' SIPp phones: registered to the appliance with the right password, on a fresh port. */
public final class AgentPhones {

    private AgentPhones() {
    }

    /**
     * Registers {@code user} (password {@code demo-<user>}) with its contact on a free port, and
     * returns a SIPp running {@code scenario} there for one call; the caller adds media and limits.
     */
    public static Sipp.Builder registered(int applianceSipPort, String user, String scenario, Duration ceiling)
            throws Exception {
        int port = FreePorts.tcpAndUdp();
        Sipp.Result registered = Sipp.scenario("register.xml").calls(1).remote("127.0.0.1", applianceSipPort)
                .service(user).auth(user, "demo-" + user).set("contact_port", port).set("expires", 600).run(ceiling);
        assertThat(registered.successfulCalls()).as(registered.describe()).isEqualTo(1);
        return Sipp.scenario(scenario).localPort(port).calls(1);
    }
}
