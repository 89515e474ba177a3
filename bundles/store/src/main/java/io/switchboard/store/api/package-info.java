/**
 * The appliance's one SQLite database, as other bundles use it.
 *
 * <p>A bundle that owns tables names its migration folder in its manifest
 * ({@code Switchboard-Migrations: db/migration}); the store applies the bundle's migrations in
 * order when the bundle arrives and then registers a {@link io.switchboard.store.api.Database}
 * service with the property {@code switchboard.schema=<Bundle-SymbolicName>} for it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.switchboard.store.api;
