/** Registered SIP devices (agent phones) and their live registrations, for the ACD and console. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.switchboard.sip.api;
