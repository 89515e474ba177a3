package io.switchboard.console.internal.web;

import io.switchboard.console.internal.BundleInfo;
import io.switchboard.console.internal.BundleState;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** Reads the installed bundles into plain {@link BundleInfo}s, the one place that knows OSGi's numbers. */
final class BundleSnapshots {

    private BundleSnapshots() {
    }

    static List<BundleInfo> of(BundleContext context) {
        List<BundleInfo> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            bundles.add(new BundleInfo(bundle.getBundleId(), bundle.getSymbolicName(),
                    bundle.getVersion().toString(), state(bundle.getState()), isFragment(bundle),
                    bundle.getLocation()));
        }
        return bundles;
    }

    static BundleState state(int osgiState) {
        return switch (osgiState) {
            case Bundle.INSTALLED -> BundleState.INSTALLED;
            case Bundle.RESOLVED -> BundleState.RESOLVED;
            case Bundle.STARTING -> BundleState.STARTING;
            case Bundle.STOPPING -> BundleState.STOPPING;
            case Bundle.ACTIVE -> BundleState.ACTIVE;
            case Bundle.UNINSTALLED -> BundleState.UNINSTALLED;
            default -> throw new IllegalArgumentException("not an OSGi bundle state: " + osgiState);
        };
    }

    private static boolean isFragment(Bundle bundle) {
        // Raw headers ("" = no localisation): a fragment is a bundle that names a host.
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
