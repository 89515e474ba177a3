package io.switchboard.sip.internal.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrarTest {

    private final ManualClock clock = new ManualClock();
    private final MemoryBindingStore store = new MemoryBindingStore();
    private final Registrar registrar = new Registrar(clock, store, 60, 3600);

    private RegisterResult register(String contact, int contactExpires, int headerExpires, long cseq) {
        return registrar.register("1001", contact == null ? List.of() : List.of(new ContactUpdate(contact, contactExpires)),
                false, headerExpires, "call-1", cseq, "10.0.0.9:5060", "udp");
    }

    @Test
    void aBindingLivesForItsExpiryThenIsGone() {
        assertThat(register("sip:1001@10.0.0.9:5060", -1, 120, 1)).isInstanceOf(RegisterResult.Accepted.class);
        assertThat(registrar.lookup("1001")).extracting(Binding::contact).containsExactly("sip:1001@10.0.0.9:5060");

        clock.advance(Duration.ofSeconds(119));
        assertThat(registrar.lookup("1001")).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(registrar.lookup("1001")).isEmpty();

        registrar.purge();
        assertThat(store.rows).isEmpty();
    }

    @Test
    void theContactsExpiresParameterWinsOverTheHeader() {
        register("sip:1001@10.0.0.9", 300, 120, 1);

        assertThat(registrar.lookup("1001").get(0).expires()).isEqualTo(clock.instant().plusSeconds(300));
    }

    @Test
    void tooShortIsRefusedWithTheMinimumAndTooLongIsShortened() {
        assertThat(register("sip:1001@10.0.0.9", 30, -1, 1)).isEqualTo(new RegisterResult.TooBrief(60));
        assertThat(registrar.lookup("1001")).isEmpty();

        register("sip:1001@10.0.0.9", 86_400, -1, 2);
        assertThat(registrar.lookup("1001").get(0).expires()).isEqualTo(clock.instant().plusSeconds(3600));
    }

    @Test
    void expiresZeroRemovesOneAndWildcardRemovesAll() {
        register("sip:1001@10.0.0.9", 600, -1, 1);
        register("sip:1001@10.0.0.10", 600, -1, 2);

        register("sip:1001@10.0.0.9", 0, -1, 3);
        assertThat(registrar.lookup("1001")).extracting(Binding::contact).containsExactly("sip:1001@10.0.0.10");

        RegisterResult all = registrar.register("1001", List.of(), true, 0, "call-1", 4, "10.0.0.9:5060", "udp");
        assertThat(all).isEqualTo(new RegisterResult.Accepted(List.of()));
        assertThat(registrar.lookup("1001")).isEmpty();
        assertThat(store.rows).isEmpty();
    }

    @Test
    void aWildcardNeedsExpiresZero() {
        RegisterResult result = registrar.register("1001", List.of(), true, 60, "c", 1, "10.0.0.9:5060", "udp");

        assertThat(result).isInstanceOf(RegisterResult.Invalid.class);
    }

    @Test
    void aQueryWithoutContactsListsTheBindings() {
        register("sip:1001@10.0.0.9", 600, -1, 1);

        RegisterResult query = register(null, -1, -1, 2);
        assertThat(((RegisterResult.Accepted) query).bindings()).hasSize(1);
    }

    @Test
    void anOlderCseqOfTheSameCallIdDoesNotOverwrite() {
        register("sip:1001@10.0.0.9", 600, -1, 5);
        register("sip:1001@10.0.0.9", 0, -1, 4);

        assertThat(registrar.lookup("1001")).hasSize(1);
    }

    @Test
    void aRestartKeepsUnexpiredBindingsOnly() {
        register("sip:1001@10.0.0.9", 600, -1, 1);
        registrar.register("1002", List.of(new ContactUpdate("sip:1002@10.0.0.8", 100)), false, -1, "c2", 1,
                "10.0.0.8:5060", "tcp");
        clock.advance(Duration.ofSeconds(200));

        Registrar restarted = new Registrar(clock, store, 60, 3600);
        assertThat(restarted.lookup("1001")).hasSize(1);
        assertThat(restarted.lookup("1002")).isEmpty();
    }

    @Test
    void aDeviceKeepsAtMostTenContactsDroppingTheOldest() {
        for (int i = 0; i < 12; i++) {
            register("sip:1001@10.0.0." + i, 600 + i, -1, i + 1);
        }

        assertThat(registrar.lookup("1001")).hasSize(Registrar.MAX_CONTACTS_PER_USER)
                .extracting(Binding::contact).doesNotContain("sip:1001@10.0.0.0", "sip:1001@10.0.0.1");
        assertThat(store.rows).hasSize(Registrar.MAX_CONTACTS_PER_USER);
    }
}
