package io.switchboard.store.internal;

import static io.switchboard.store.internal.SqliteDatabaseTest.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aWithdrawnServiceRefusesWorkWithItsSchemaInTheMessage() throws Exception {
        try (SqliteDatabase engine = SqliteDatabaseTest.open(dir.resolve("switchboard.db"))) {
            SchemaDatabase service = new SchemaDatabase("io.switchboard.acd", engine);
            assertThat(service.write(c -> queryString(c, "SELECT 1")).toCompletableFuture().join())
                    .isEqualTo("1");

            service.withdraw();

            assertThatThrownBy(() -> service.read(c -> queryString(c, "SELECT 1")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("io.switchboard.acd");
            assertThatThrownBy(() -> service.write(c -> "x").toCompletableFuture().join())
                    .hasCauseInstanceOf(SQLException.class);
        }
    }
}
