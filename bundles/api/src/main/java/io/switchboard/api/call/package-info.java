/** Driving a live call: the controller registry's contract, call events and call control. 0.x: may still break. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package io.switchboard.api.call;
