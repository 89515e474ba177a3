package io.switchboard.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.launcher.deploy.BundleJarReader.InvalidBundleJarException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployerTest {

    private static final Path DEPLOY = Path.of("/var/lib/switchboard/deploy");
    private static final Path SHIPPED_ACD = Path.of("/opt/switchboard/bundles/4-app/io.switchboard.acd.jar");

    private final RecordingFramework framework = new RecordingFramework();
    /** What each jar's manifest says; a jar missing here is not a bundle jar. */
    private final Map<Path, String> manifests = new HashMap<>();
    private final List<Path> reads = new ArrayList<>();
    private final BundleJarReader reader = jar -> {
        reads.add(jar);
        String name = manifests.get(jar);
        if (name == null) {
            throw new InvalidBundleJarException("it is not a readable jar (zip END header not found)");
        }
        return name;
    };

    private Deployer deployer = new Deployer(framework, reader, Map.of());

    private static DeployFile jar(String name, long size, long modified) {
        return new DeployFile(DEPLOY.resolve(name), size, modified);
    }

    private DeployFile bundleJar(String name, String symbolicName, long size, long modified) {
        DeployFile file = jar(name, size, modified);
        manifests.put(file.path(), symbolicName);
        return file;
    }

    private void scanTwice(DeployFile... files) {
        deployer.scan(List.of(files));
        deployer.scan(List.of(files));
    }

    @Test
    void aDroppedJarIsInstalledAndStartedOnceTwoScansSawItAtRest() {
        DeployFile addOn = bundleJar("dialer.jar", "com.vendor.dialer", 1000, 1);

        deployer.scan(List.of(addOn));
        assertThat(framework.actions).as("first sight: it may still be copied").isEmpty();

        deployer.scan(List.of(addOn));
        assertThat(framework.actions).containsExactly("install dialer.jar as 100", "start 100");

        deployer.scan(List.of(addOn));
        assertThat(framework.actions).as("nothing more while it is unchanged").hasSize(2);
    }

    @Test
    void aJarStillBeingCopiedIsNotRead() {
        bundleJar("dialer.jar", "com.vendor.dialer", 0, 0);

        deployer.scan(List.of(jar("dialer.jar", 4096, 10)));
        deployer.scan(List.of(jar("dialer.jar", 8192, 20)));
        deployer.scan(List.of(jar("dialer.jar", 12000, 30)));
        assertThat(framework.actions).isEmpty();
        assertThat(reads).isEmpty();

        deployer.scan(List.of(jar("dialer.jar", 12000, 30)));
        assertThat(framework.actions).containsExactly("install dialer.jar as 100", "start 100");
    }

    @Test
    void aReplacedJarUpdatesItsBundleWithoutARefreshWhenNothingIsPending() {
        scanTwice(bundleJar("dialer.jar", "com.vendor.dialer", 1000, 1));
        framework.actions.clear();

        DeployFile replaced = jar("dialer.jar", 1200, 2);
        deployer.scan(List.of(replaced));
        assertThat(framework.actions).isEmpty();
        deployer.scan(List.of(replaced));

        assertThat(framework.actions).containsExactly("update 100 from " + replaced.path());
    }

    @Test
    void aReplacedJarWhosePackagesAreInUseIsRefreshedAfterTheUpdate() {
        scanTwice(bundleJar("dialer.jar", "com.vendor.dialer", 1000, 1));
        framework.exportersInUse.add(100L);
        framework.actions.clear();

        scanTwice(jar("dialer.jar", 1200, 2));

        assertThat(framework.actions).containsExactly("update 100 from " + DEPLOY.resolve("dialer.jar"), "refresh");
    }

    @Test
    void aRemovedJarIsUninstalledAndRefreshedOnlyIfNeeded() {
        scanTwice(bundleJar("a.jar", "com.vendor.a", 1, 1), bundleJar("b.jar", "com.vendor.b", 1, 1));
        framework.exportersInUse.add(101L);
        framework.actions.clear();

        deployer.scan(List.of(jar("b.jar", 1, 1)));
        assertThat(framework.actions).as("a removal needs no second look").containsExactly("uninstall 100");

        deployer.scan(List.of());
        assertThat(framework.actions).containsExactly("uninstall 100", "uninstall 101", "refresh");
    }

    @Test
    void aJarNamingAShippedBundleUpdatesItInPlaceAndItsRemovalRestoresTheShippedJar() {
        long acd = framework.preinstalled(7, "io.switchboard.acd");
        deployer = new Deployer(framework, reader, Map.of("io.switchboard.acd", SHIPPED_ACD));
        DeployFile newer = bundleJar("acd-1.1.jar", "io.switchboard.acd", 5000, 1);

        scanTwice(newer);
        assertThat(framework.actions).containsExactly("update 7 from " + newer.path());
        assertThat(framework.installed).containsOnlyKeys(acd);

        deployer.scan(List.of());
        assertThat(framework.actions).containsExactly("update 7 from " + newer.path(),
                "update 7 from " + SHIPPED_ACD);
        assertThat(framework.installed).containsOnlyKeys(acd);
    }

    @Test
    void aJarNamingABundleInstalledOtherwiseUpdatesItAndItsRemovalUninstallsIt() {
        framework.preinstalled(40, "com.vendor.report");

        scanTwice(bundleJar("report.jar", "com.vendor.report", 1, 1));
        deployer.scan(List.of());

        assertThat(framework.actions).containsExactly("update 40 from " + DEPLOY.resolve("report.jar"),
                "uninstall 40");
    }

    @Test
    void aBrokenJarIsLeftAloneUntilItChanges() {
        DeployFile broken = jar("broken.jar", 300, 1);

        scanTwice(broken);
        deployer.scan(List.of(broken));
        deployer.scan(List.of(broken));
        assertThat(framework.actions).isEmpty();
        assertThat(reads).as("read once, not every second").hasSize(1);

        DeployFile fixed = bundleJar("broken.jar", "com.vendor.fixed", 900, 2);
        scanTwice(fixed);
        assertThat(framework.actions).containsExactly("install broken.jar as 100", "start 100");
    }

    @Test
    void aBrokenJarDisturbsNoOtherBundle() {
        DeployFile good = bundleJar("good.jar", "com.vendor.good", 1, 1);
        scanTwice(good);
        framework.actions.clear();

        scanTwice(good, jar("broken.jar", 300, 1));

        assertThat(framework.actions).isEmpty();
        assertThat(framework.installed).containsOnlyKeys(100L);
    }

    @Test
    void aBrokenReplacementKeepsTheRunningBundle() {
        scanTwice(bundleJar("dialer.jar", "com.vendor.dialer", 1000, 1));
        framework.actions.clear();
        manifests.remove(DEPLOY.resolve("dialer.jar"));

        scanTwice(jar("dialer.jar", 400, 2));
        deployer.scan(List.of(jar("dialer.jar", 400, 2)));

        assertThat(framework.actions).isEmpty();
        assertThat(framework.installed).containsOnlyKeys(100L);

        deployer.scan(List.of());
        assertThat(framework.actions).as("its removal still uninstalls").containsExactly("uninstall 100");
    }

    @Test
    void aJarNowHoldingAnotherBundleReplacesTheOldOne() {
        scanTwice(bundleJar("x.jar", "com.vendor.one", 1, 1));
        framework.actions.clear();

        scanTwice(bundleJar("x.jar", "com.vendor.two", 2, 2));

        assertThat(framework.actions).containsExactly("uninstall 100", "install x.jar as 101", "start 101");
    }

    @Test
    void jarsPresentAtStartupAreDeployedAtOnce() {
        framework.preinstalled(7, "io.switchboard.acd");
        deployer = new Deployer(framework, reader, Map.of("io.switchboard.acd", SHIPPED_ACD));

        deployer.deployPresent(List.of(bundleJar("dialer.jar", "com.vendor.dialer", 1, 1),
                bundleJar("acd.jar", "io.switchboard.acd", 1, 1)));

        assertThat(framework.actions).containsExactly("install dialer.jar as 100", "start 100",
                "update 7 from " + DEPLOY.resolve("acd.jar"));
        deployer.scan(List.of(jar("dialer.jar", 1, 1), jar("acd.jar", 1, 1)));
        assertThat(framework.actions).hasSize(3);
    }

    @Test
    void aJarTheFrameworkRefusesIsRetriedWhenItChanges() {
        DeployFile refused = bundleJar("dup.jar", "com.vendor.dup", 1, 1);
        framework.refusedJars.add(refused.path());

        scanTwice(refused);
        deployer.scan(List.of(refused));
        assertThat(framework.actions).isEmpty();

        framework.refusedJars.clear();
        scanTwice(jar("dup.jar", 2, 2));
        assertThat(framework.actions).containsExactly("install dup.jar as 100", "start 100");
    }

    @Test
    void aBundleThatDoesNotStartStaysInstalled() {
        framework.unstartable.add(100L);

        scanTwice(bundleJar("needs-more.jar", "com.vendor.needy", 1, 1));

        assertThat(framework.actions).containsExactly("install needs-more.jar as 100", "start 100");
        assertThat(framework.installed).containsOnlyKeys(100L);
    }

    @Test
    void theSameBundleInTwoDeployJarsIsDeployedOnce() {
        DeployFile first = bundleJar("dialer.jar", "com.vendor.dialer", 1, 1);
        scanTwice(first);
        framework.installed.put(100L, "com.vendor.dialer");
        framework.actions.clear();

        DeployFile second = new DeployFile(Path.of("/opt/switchboard/deploy/dialer-copy.jar"), 1, 1);
        manifests.put(second.path(), "com.vendor.dialer");
        scanTwice(first, second);

        assertThat(framework.actions).isEmpty();
    }
}
