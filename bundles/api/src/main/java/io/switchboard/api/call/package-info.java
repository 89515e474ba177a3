/** Driving a live call: the controller registry's contract, call events and call control. First cut: issue 4 completes it; 0.x versions may still break. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.switchboard.api.call;
