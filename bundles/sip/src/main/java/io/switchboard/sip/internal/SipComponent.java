package io.switchboard.sip.internal;

import io.switchboard.api.call.DialRequest;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.ChannelDriver;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.ChannelHub;
import io.switchboard.api.channel.LegSink;
import io.switchboard.api.channel.MediaEngine;
import io.switchboard.sip.api.SipDevice;
import io.switchboard.sip.api.SipDeviceException;
import io.switchboard.sip.api.SipDevices;
import io.switchboard.store.api.Database;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sip.SipException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP channel driver as a service: owns the {@link SipEngine} (the stack and the registrar)
 * for as long as core's hub and media engine and our database are there. Settings that need no
 * new stack apply live through {@code @Modified}; the rest are logged as waiting for a restart,
 * because a new stack would drop every live dialog.
 */
@Component(service = {ChannelDriver.class, SipDevices.class}, configurationPid = SipComponent.PID,
        property = {ChannelDriver.NAME + "=sip", ChannelDriver.SCHEMES + "=sip", ChannelDriver.SCHEMES + "=trunk"})
@Designate(ocd = SipComponent.Config.class)
public final class SipComponent implements ChannelDriver, SipDevices {

    public static final String PID = "io.switchboard.sip";

    @ObjectClassDefinition(id = PID, name = "Switchboard SIP",
            description = "SIP trunks, the registrar for agent phones, and SIP call legs.")
    public @interface Config {

        @AttributeDefinition(name = "Trusted trunk peers",
                description = "Addresses or CIDR blocks whose INVITEs are trunk calls without a digest.")
        String[] trustedPeers() default {"127.0.0.1"};

        @AttributeDefinition(name = "Digest realm",
                description = "Realm of device credentials; changing it invalidates every stored password.")
        String realm() default "switchboard";

        @AttributeDefinition(name = "Trunk gateway",
                description = "host:port that trunk:<number> destinations are sent to; empty disables them.")
        String trunkGateway() default "127.0.0.1:5070";

        @AttributeDefinition(name = "Max message size (bytes)",
                description = "Bigger SIP messages are dropped. Applies at the next start.", min = "4096")
        int maxMessageSize() default 65536;

        @AttributeDefinition(name = "Stack threads",
                description = "JAIN-SIP's thread pool; 2 suits 2 cores. Applies at the next start.", min = "1")
        int threadPoolSize() default 2;

        @AttributeDefinition(name = "Max server transactions",
                description = "JAIN-SIP's transaction table limit. Applies at the next start.", min = "100")
        int maxServerTransactions() default 10000;

        @AttributeDefinition(name = "Registration min expiry (s)",
                description = "Shorter registrations get 423 Interval Too Brief.", min = "1")
        int minExpires() default 60;

        @AttributeDefinition(name = "Registration max expiry (s)",
                description = "Longer registrations are shortened to this.", min = "1")
        int maxExpires() default 3600;

        @AttributeDefinition(name = "Digest failures before lockout",
                description = "Failed digests from one address for one user within the window.", min = "1")
        int lockoutFailures() default 5;

        @AttributeDefinition(name = "Lockout window (s)", min = "1")
        int lockoutWindowSeconds() default 60;

        @AttributeDefinition(name = "Lockout duration (s)",
                description = "How long a locked (address, user) pair gets 403.", min = "1")
        int lockoutSeconds() default 300;

        @AttributeDefinition(name = "Nonce lifetime (s)",
                description = "After this a nonce is answered with stale=true.", min = "10")
        int nonceLifetimeSeconds() default 300;

        @AttributeDefinition(name = "Inbound ring timeout (s)",
                description = "An inbound call core has not answered by then gets 480.", min = "1")
        int ringTimeoutSeconds() default 180;

        @AttributeDefinition(name = "Overload threshold",
                description = "Pending (unanswered) inbound INVITEs beyond which new ones get 503.", min = "1")
        int overloadThreshold() default 200;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SipComponent.class);

    private final SipEngine engine;
    private final DeviceService devices;

    @Activate
    public SipComponent(BundleContext context, Config config,
                        @Reference(name = "hub") ChannelHub hub,
                        @Reference(name = "media") MediaEngine media,
                        @Reference(name = "database", target = "(" + Database.SCHEMA + "=io.switchboard.sip)") Database database)
            throws SipException, SQLException, UnknownHostException {
        SipOptions options = SipOptions.from(config);
        InetAddress bind = InetAddress.getByName(property(context, "switchboard.bind", "0.0.0.0"));
        int port = Integer.parseInt(property(context, "switchboard.sip.port", "5060"));
        this.engine = SipEngine.start(options, bind, port, hub, media, database, Clock.systemUTC());
        this.devices = new DeviceService(engine);
        if (Boolean.parseBoolean(property(context, "switchboard.demo", "false"))) {
            DemoDevices.addOnce(database, engine.devices(), options.realm());
        }
    }

    @Modified
    void modified(Config config) {
        SipOptions options = SipOptions.from(config);
        if (!options.sameStack(engine.options())) {
            LOG.warn("SIP stack settings (message size, threads, transactions) apply at the next start of {}", PID);
        }
        if (!options.equals(engine.options())) {
            engine.update(options);
        }
    }

    @Deactivate
    void deactivate() {
        engine.close();
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    @Override
    public String name() {
        return "sip";
    }

    @Override
    public boolean isAvailable() {
        return engine.isAvailable();
    }

    @Override
    public Channel originate(String legId, DialRequest request, LegSink sink) throws ChannelException {
        return engine.originate(legId, request, sink);
    }

    @Override
    public void setPassword(String user, String password) throws SipDeviceException {
        devices.setPassword(user, password);
    }

    @Override
    public boolean remove(String user) throws SipDeviceException {
        return devices.remove(user);
    }

    @Override
    public List<SipDevice> list() throws SipDeviceException {
        return devices.list();
    }
}
