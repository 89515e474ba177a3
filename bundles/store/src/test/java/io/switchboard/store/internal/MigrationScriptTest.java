package io.switchboard.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationScriptTest {

    @Test
    void versionAndChecksumComeFromNameAndBytes() {
        MigrationScript script = MigrationScript.of("V12__add_queues.sql",
                bytes("abc"));

        assertThat(script.version()).isEqualTo(12);
        assertThat(script.checksum())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void lineEndingsCountAsAChange() {
        String unix = MigrationScript.of("V1__a.sql", bytes("x;\n")).checksum();
        String windows = MigrationScript.of("V1__a.sql", bytes("x;\r\n")).checksum();

        assertThat(unix).isNotEqualTo(windows);
    }

    @Test
    void misnamedFilesAreRejected() {
        for (String name : List.of("v1__a.sql", "V1_a.sql", "V__a.sql", "V1__.sql", "Va__b.sql")) {
            assertThatThrownBy(() -> MigrationScript.of(name, new byte[0]))
                    .as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void migrationFolderHeaderIsNormalised() {
        assertThat(BundleMigrations.folder(" /db/migration/ ")).contains("db/migration");
        assertThat(BundleMigrations.folder("db")).contains("db");
        assertThat(BundleMigrations.folder("/")).contains("/");
        assertThat(BundleMigrations.folder((String) null)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
