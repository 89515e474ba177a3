package io.switchboard.console.internal;

/** What health and the bundle list need to know about one installed bundle (id 0 is the framework). */
public record BundleInfo(long id, String name, String version, BundleState state, boolean fragment,
        String location) {

    public boolean isFramework() {
        return id == 0;
    }
}
