package io.switchboard.card.internal;

import io.switchboard.api.call.DialRequest;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.ChannelDriver;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.ChannelHub;
import io.switchboard.api.channel.Codec;
import io.switchboard.api.channel.LegSink;
import io.switchboard.api.channel.MediaEngine;
import io.switchboard.api.journal.Journal;
import io.switchboard.card.internal.jna.CardException;
import io.switchboard.card.internal.jna.CardUnavailableException;
import io.switchboard.card.internal.jna.NativeCardLibrary;
import io.switchboard.card.internal.jna.OpenCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telephony-card channel driver. It loads the card library (a vendor's, or the simulator card
 * built into this bundle), opens the card and offers itself as the {@code card} driver. When the
 * library cannot load or the card cannot open, it says so in one log line and stays inactive:
 * no driver is registered and the rest of the appliance runs on.
 */
@Component(immediate = true, configurationPid = CardDriverComponent.PID)
@Designate(ocd = CardDriverComponent.Config.class)
public final class CardDriverComponent {

    public static final String PID = "io.switchboard.card";
    private static final Logger LOG = LoggerFactory.getLogger(CardDriverComponent.class);

    @ObjectClassDefinition(id = PID, name = "Switchboard telephony card",
            description = "E1 trunk and analog extension channels of a voice card, through its native library.")
    public @interface Config {

        @AttributeDefinition(name = "Enabled", description = "Open the card at start.")
        boolean enabled() default true;

        @AttributeDefinition(name = "Card library",
                description = "Path of the vendor's card library (simcard.h API); empty: the built-in simulator card.")
        String library() default "";

        @AttributeDefinition(name = "E1 spans", description = "Spans of 30 trunk channels each (channels 1-30, 31-60, ...).")
        int spans() default 1;

        @AttributeDefinition(name = "Analog extensions", description = "Extensions after the trunk channels.")
        int analog() default 8;

        @AttributeDefinition(name = "Codec", description = "Companding of the card's frames: PCMA (E1, Europe/China) or PCMU.")
        String codec() default "PCMA";
    }

    private final CardRuntime runtime;
    private final ServiceRegistration<ChannelDriver> registration;

    @Activate
    public CardDriverComponent(BundleContext context, Config config,
                               @Reference(name = "hub") ChannelHub hub,
                               @Reference(name = "media") MediaEngine media,
                               @Reference(name = "journal") Journal journal) {
        CardRuntime started = config.enabled() ? open(context, config, hub, media, journal) : null;
        if (!config.enabled()) {
            LOG.info("Card driver disabled ({} enabled=false)", PID);
        }
        runtime = started;
        registration = started == null ? null : register(context, started);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (runtime != null) {
            runtime.stop();
        }
    }

    private static CardRuntime open(BundleContext context, Config config, ChannelHub hub, MediaEngine media, Journal journal) {
        Path data = dataDirectory(context);
        Path control = data.resolve("simcard").resolve("control.sock");
        String configured = config.library().trim();
        OpenCard card = null;
        try {
            NativeCardLibrary library = NativeCardLibrary.load(configured.isEmpty() ? null : Path.of(configured),
                    CardDriverComponent.class.getClassLoader(), data.resolve("native"));
            Files.createDirectories(control.getParent());
            card = library.open("control=" + control + ";spans=" + config.spans() + ";analog=" + config.analog());
            CardRuntime runtime = new CardRuntime(card, hub, media, journal, codec(config.codec()));
            runtime.start();
            LOG.info("Card open: {} channels ({} E1 span(s), {} analog), library {}, control socket {}",
                    runtime.channelCount(), config.spans(), config.analog(), library.path(), control);
            return runtime;
        } catch (CardUnavailableException | CardException | IOException | IllegalArgumentException e) {
            if (card != null) {
                card.close();
            }
            LOG.error("Card driver inactive: {}", e.getMessage());
            return null;
        }
    }

    private static ServiceRegistration<ChannelDriver> register(BundleContext context, CardRuntime runtime) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ChannelDriver.NAME, CardRuntime.DRIVER);
        properties.put(ChannelDriver.SCHEMES, new String[] {"card"});
        return context.registerService(ChannelDriver.class, new ChannelDriver() {
            @Override
            public String name() {
                return CardRuntime.DRIVER;
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public Channel originate(String legId, DialRequest request, LegSink sink) throws ChannelException {
                return runtime.originate(legId, request, sink);
            }
        }, properties);
    }

    private static Path dataDirectory(BundleContext context) {
        String data = context.getProperty("switchboard.data");
        if (data == null || data.isBlank()) {
            return context.getDataFile("").toPath();
        }
        return Path.of(data);
    }

    private static Codec codec(String name) {
        return switch (name.trim().toUpperCase()) {
            case "PCMA" -> Codec.PCMA;
            case "PCMU" -> Codec.PCMU;
            default -> throw new IllegalArgumentException("codec must be PCMA or PCMU, not '" + name + "'");
        };
    }
}
