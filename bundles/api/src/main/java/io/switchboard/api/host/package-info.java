/** Lookups in the bank's own systems (accounts, cards, rates) for self-service. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.switchboard.api.host;
