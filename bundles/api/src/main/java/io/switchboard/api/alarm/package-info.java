/** Health checks that raise and clear alarms for the NOC. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.switchboard.api.alarm;
