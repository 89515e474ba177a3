/** The journal: the append-only, sequenced record every report and index is built from. 0.x: may still break. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.switchboard.api.journal;
