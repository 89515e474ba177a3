/** Core's own services for the bundles beside it (core-rest, the console): inbound routes. 0.x: may still break. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.switchboard.core.api;
