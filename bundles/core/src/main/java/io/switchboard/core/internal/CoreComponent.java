package io.switchboard.core.internal;

import io.switchboard.api.call.CallControl;
import io.switchboard.api.call.CallController;
import io.switchboard.api.call.Cause;
import io.switchboard.api.channel.ChannelDriver;
import io.switchboard.api.channel.ChannelHub;
import io.switchboard.api.channel.MediaEngine;
import io.switchboard.api.journal.Journal;
import io.switchboard.core.api.InboundRouter;
import io.switchboard.core.internal.call.AudioResolver;
import io.switchboard.core.internal.call.CallEngine;
import io.switchboard.core.internal.call.CallEngineOptions;
import io.switchboard.core.internal.call.ScheduledTimers;
import io.switchboard.core.internal.media.MediaEngineImpl;
import io.switchboard.core.internal.media.MediaOptions;
import io.switchboard.core.internal.media.PromptException;
import io.switchboard.core.internal.media.PromptLibrary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires core: the media engine, the prompt library and the call engine, registered as
 * {@link CallControl}, {@link ChannelHub} and {@link MediaEngine}, plus the drain hook the launcher
 * calls before SIGTERM stops the framework or before this bundle is updated. Controllers and
 * drivers come and go as dynamic references.
 */
@Component(immediate = true, service = {})
@Designate(ocd = CoreComponent.Config.class)
public final class CoreComponent {
    private static final Logger LOG = LoggerFactory.getLogger(CoreComponent.class);

    @ObjectClassDefinition(name = "Switchboard core", description = "Calls, media and controller parking")
    public @interface Config {
        @AttributeDefinition(name = "Park timeout (s)",
                description = "How long a call waits for its controller to come back after its bundle went away")
        int parkTimeoutSeconds() default 60;

        @AttributeDefinition(name = "Park fallback number",
                description = "Inbound route for calls whose controller did not come back; empty ends them")
        String parkFallbackNumber() default "";

        @AttributeDefinition(name = "Maximum live calls", description = "New calls beyond it are refused (503)")
        int maxCalls() default 2000;

        @AttributeDefinition(name = "RTP inactivity timeout (s)",
                description = "A call receiving no media for this long is ended as dead")
        int rtpInactivitySeconds() default 30;

        @AttributeDefinition(name = "Event threads", description = "Threads delivering call events to controllers")
        int eventThreads() default 4;

        @AttributeDefinition(name = "Media pacer threads",
                description = "Threads sending every call's 20 ms frames (1-16); more spread the work over cores")
        int mediaPacerThreads() default 1;
    }

    private final ExecutorService eventPool;
    private final ScheduledExecutorService scheduler;
    private final MediaEngineImpl media;
    private final CallEngine engine;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public CoreComponent(BundleContext context, @Reference Journal journal, @Reference InboundRouter router,
            Config config) {
        eventPool = Executors.newFixedThreadPool(Math.max(1, config.eventThreads()), named("call-events"));
        scheduler = Executors.newSingleThreadScheduledExecutor(named("call-timers"));
        int[] ports = rtpPorts(context.getProperty("switchboard.rtp.ports"));
        media = new MediaEngineImpl(new MediaOptions(ports[0], ports[1],
                Duration.ofSeconds(Math.max(1, config.rtpInactivitySeconds())), MediaOptions.DEFAULT_JITTER_DEPTH,
                Math.min(16, Math.max(1, config.mediaPacerThreads()))), Clock.systemUTC());
        PromptLibrary prompts = new PromptLibrary(promptDirectories(context));
        AudioResolver audio = (item, language) -> {
            try {
                return prompts.resolve(item, language == null || language.isEmpty() ? null : language);
            } catch (PromptException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        };
        engine = new CallEngine(Clock.systemUTC(), eventPool, new ScheduledTimers(scheduler), router, journal, audio,
                options(config));
        registrations.add(context.registerService(CallControl.class, engine, null));
        registrations.add(context.registerService(ChannelHub.class, engine, null));
        registrations.add(context.registerService(MediaEngine.class, media, null));
        registrations.add(context.registerService(ToIntFunction.class, drainHook(), drainProperties()));
        registrations.add(context.registerService(Runnable.class, (Runnable) engine::resume, drainProperties()));
        LOG.info("Core up: RTP ports {}-{}", ports[0], ports[1]);
    }

    @Modified
    void modified(Config config) {
        LOG.info("Core settings changed; they apply to calls that start from now on after the next restart");
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        engine.endAll(Cause.UNAVAILABLE);
        media.close();
        eventPool.shutdown();
        scheduler.shutdownNow();
        try {
            eventPool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addController(CallController controller, Map<String, Object> properties) {
        Object name = properties.get(CallController.NAME);
        if (name == null) {
            LOG.warn("A CallController without the {} property is ignored", CallController.NAME);
            return;
        }
        engine.controllerArrived(name.toString(), controller);
    }

    void removeController(CallController controller, Map<String, Object> properties) {
        Object name = properties.get(CallController.NAME);
        if (name != null) {
            engine.controllerLeft(name.toString(), controller);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDriver(ChannelDriver driver, Map<String, Object> properties) {
        engine.driverArrived(driver, schemes(properties.get(ChannelDriver.SCHEMES)));
    }

    void removeDriver(ChannelDriver driver) {
        engine.driverLeft(driver);
    }

    private ToIntFunction<Duration> drainHook() {
        return limit -> {
            try {
                return engine.drain(limit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return engine.calls().size();
            }
        };
    }

    private static Dictionary<String, Object> drainProperties() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("switchboard.drain", "core");
        return properties;
    }

    private static CallEngineOptions options(Config config) {
        return new CallEngineOptions(Duration.ofSeconds(Math.max(1, config.parkTimeoutSeconds())),
                config.parkFallbackNumber(), Math.max(1, config.maxCalls()));
    }

    private static List<String> schemes(Object property) {
        List<String> schemes = new ArrayList<>();
        if (property instanceof String[] array) {
            schemes.addAll(List.of(array));
        } else if (property instanceof java.util.Collection<?> collection) {
            collection.forEach(s -> schemes.add(s.toString()));
        } else if (property != null) {
            schemes.add(property.toString());
        }
        return schemes;
    }

    /** {@code switchboard.rtp.ports} as the launcher sets it ({@code LOW-HIGH}); the contract's default otherwise. */
    static int[] rtpPorts(String property) {
        String value = property == null || property.isBlank() ? "20000-29999" : property.trim();
        int dash = value.indexOf('-');
        try {
            return new int[] {Integer.parseInt(value.substring(0, dash)), Integer.parseInt(value.substring(dash + 1))};
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("switchboard.rtp.ports must be LOW-HIGH, was " + value, e);
        }
    }

    /** Uploaded prompts in the data directory win over the ones shipped with the appliance. */
    private static List<Path> promptDirectories(BundleContext context) {
        List<Path> directories = new ArrayList<>();
        String data = context.getProperty("switchboard.data");
        String home = context.getProperty("switchboard.home");
        if (data != null) {
            directories.add(Path.of(data, "prompts"));
        }
        if (home != null) {
            directories.add(Path.of(home, "prompts"));
        }
        return directories;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
