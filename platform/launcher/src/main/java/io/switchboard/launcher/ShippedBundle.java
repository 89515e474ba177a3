package io.switchboard.launcher;

import java.nio.file.Path;

/** A bundle of {@code <home>/bundles/<level>-<name>/} that was installed. */
public record ShippedBundle(long bundleId, String symbolicName, Path jar, int startLevel) {
}
