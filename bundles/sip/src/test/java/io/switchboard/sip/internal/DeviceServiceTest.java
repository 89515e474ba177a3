package io.switchboard.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sip.internal.auth.DigestAlgorithm;
import io.switchboard.sip.internal.auth.Hashes;
import io.switchboard.sip.internal.registrar.DeviceTable;
import io.switchboard.testsupport.ManualClock;
import io.switchboard.testsupport.SqliteTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceServiceTest {

    @TempDir
    Path dir;

    @Test
    void storesOnlyRealmBoundHashesAndDemoDevicesOnce() throws Exception {
        try (SqliteTestDatabase db = new SqliteTestDatabase(dir, "/db/migration/V1__devices_registrations.sql")) {
            DeviceTable devices = new DeviceTable(db, new ManualClock());
            DemoDevices.addOnce(db, devices, "switchboard");
            assertThat(devices.users()).containsExactly("1001", "1002", "1003", "1004", "1005");
            assertThat(devices.find("1001").orElseThrow().ha1Md5())
                    .isEqualTo(Hashes.ha1(DigestAlgorithm.MD5, "1001", "switchboard", "demo-1001"));
            assertThat(db.queryString("SELECT count(*) FROM sip_device WHERE ha1_md5 LIKE '%demo%'"
                    + " OR ha1_sha256 LIKE '%demo%'")).isEqualTo("0");

            devices.remove("1003");
            DemoDevices.addOnce(db, devices, "switchboard");
            assertThat(devices.users()).doesNotContain("1003");

            devices.setPassword("1001", "switchboard", "new");
            assertThat(devices.find("1001").orElseThrow().ha1Sha256())
                    .isEqualTo(Hashes.ha1(DigestAlgorithm.SHA_256, "1001", "switchboard", "new"));
        }
    }
}
