/** Channel drivers: a new kind of line (SIP, a telephony card) feeding calls into core. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.switchboard.api.channel;
